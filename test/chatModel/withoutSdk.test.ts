// An n8n without @n8n/ai-node-sdk (older 1.x): requiring the SDK fails, as it would there.
jest.mock('@n8n/ai-node-sdk', () => {
	throw Object.assign(new Error("Cannot find module '@n8n/ai-node-sdk'"), { code: 'MODULE_NOT_FOUND' });
});

import { loadPackage, runNode } from '../helpers/engine';
import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, completion, runWithChatModel } from './harness';

const server = useFakeNanoGpt();

test('n8n-core still loads the whole package, including the sub-node description', async () => {
	const pkg = await loadPackage();
	expect(Object.keys(pkg.nodeTypes).sort()).toEqual(['n8n-nodes-nanogpt.embeddingsNanoGpt', 'n8n-nodes-nanogpt.lmChatNanoGpt', 'n8n-nodes-nanogpt.nanoGpt']);
	expect(Object.keys(pkg.credentialTypes)).toEqual(['nanoGptApi']);
	expect(() => require('@n8n/ai-node-sdk')).toThrow("Cannot find module '@n8n/ai-node-sdk'");
});

test('the main NanoGPT node still works', async () => {
	const result = await runNode(
		{ resource: 'text', operation: 'ask', model: { __rl: true, mode: 'id', value: 'openai/gpt-5.2' }, prompt: 'Hi' },
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(result.items[0].json.text).toBe('Hello from NanoGPT');
});

test('only the chat model fails, with a message that says what to do', async () => {
	server.on('POST', '/v1/chat/completions', { json: completion({ content: 'unused' }) });
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error?.message).toBe('Error in sub-node NanoGPT Chat Model');
	expect(result.error?.description).toBe('This n8n version cannot run the NanoGPT Chat Model');
	expect(server.requests).toHaveLength(0);
});
