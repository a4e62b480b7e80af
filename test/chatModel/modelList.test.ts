import type { INodeType } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, NodeHelpers } from 'n8n-workflow';

import { TestCredentialsHelper } from '../helpers/credentialsHelper';
import { loadPackage } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { CHAT_MODEL_TYPE } from './harness';

const server = useFakeNanoGpt();

async function searchChatModels(filter?: string) {
	const pkg = await loadPackage();
	const node = {
		id: 'chat-model',
		name: 'NanoGPT Chat Model',
		type: CHAT_MODEL_TYPE,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
		credentials: { nanoGptApi: { id: '1', name: 'NanoGPT account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: (type: string) => pkg.nodeTypes[type],
			getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(pkg.nodeTypes[type], version),
			getKnownTypes: () => ({}),
		} as never,
	});
	const helper = new TestCredentialsHelper(pkg.credentialTypes, { nanoGptApi: { apiKey: VALID_KEY, baseUrl: server.baseUrl } });
	const context = new LoadOptionsContext(workflow, node, { credentialsHelper: helper } as never, 'parameters.model');
	const nodeType = pkg.nodeTypes[CHAT_MODEL_TYPE] as INodeType;
	return await nodeType.methods!.listSearch!.searchChatModels.call(context, filter);
}

const catalog = {
	object: 'list',
	data: [
		{ id: 'zeta/no-tools', name: 'Zeta', capabilities: { tool_calling: false }, pricing: { prompt: 0.1, completion: 0.2 } },
		{ id: 'openai/gpt-5.2', name: 'GPT 5.2', description: 'Flagship', capabilities: { tool_calling: true }, pricing: { prompt: 1.25, completion: 10 } },
		{ id: 'moonshotai/kimi-k2.5:thinking', name: 'Kimi K2.5 Thinking', capabilities: { tool_calling: true, reasoning: true } },
	],
};

test('the model list comes from the detailed text catalogue, sorted, with tool-calling models marked', async () => {
	server.on('GET', '/v1/models', { json: catalog });
	const { results } = await searchChatModels();
	expect(server.lastRequest().query).toEqual({ detailed: 'true' });
	expect(results).toEqual([
		{ name: 'GPT 5.2 ($1.25 / $10 per 1M tokens) · Tools', value: 'openai/gpt-5.2', description: 'Supports tool calling (needed by the AI Agent). Flagship' },
		{ name: 'Kimi K2.5 Thinking · Tools', value: 'moonshotai/kimi-k2.5:thinking', description: 'Supports tool calling (needed by the AI Agent).' },
		{ name: 'Zeta ($0.1 / $0.2 per 1M tokens)', value: 'zeta/no-tools', description: undefined },
	]);
});

test('the search text filters by name or ID', async () => {
	server.on('GET', '/v1/models', { json: catalog });
	const { results } = await searchChatModels('kimi');
	expect(results.map((result) => result.value)).toEqual(['moonshotai/kimi-k2.5:thinking']);
});

test('a catalogue error is reported in NanoGPT words', async () => {
	server.on('GET', '/v1/models', { status: 503, json: { error: { message: 'Maintenance' } } });
	await expect(searchChatModels()).rejects.toThrow(/Maintenance/);
});
