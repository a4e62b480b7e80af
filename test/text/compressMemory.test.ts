import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

const COMPRESSED = {
	messages: [
		{ role: 'system', content: 'Summary of the earlier conversation: the user plans a trip to Lisbon in May.' },
		{ role: 'user', content: 'Which museums should I visit?' },
	],
	usage: { prompt_tokens: 5400, completion_tokens: 120, total_tokens: 5520, prompt_tokens_details: { cached_tokens: 0 } },
};

function compress(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'text',
		operation: 'compressMemory',
		memoryMessages: {
			message: [
				{ role: 'user', content: 'I plan a trip to Lisbon in May.' },
				{ role: 'assistant', content: 'Great choice! What would you like to know?' },
				{ role: 'user', content: 'Which museums should I visit?' },
			],
		},
		...extra,
	};
}

beforeEach(() => {
	server.on('POST', '/v1/memory', authed(() => ({ json: COMPRESSED })));
});

describe('Text > Compress Memory', () => {
	test('a message list: {messages} only; one item with the compressed messages, their count and the usage', async () => {
		const result = await runNode(compress(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ method: 'POST', path: '/v1/memory' });
		expect(server.lastRequest().json).toEqual({
			messages: [
				{ role: 'user', content: 'I plan a trip to Lisbon in May.' },
				{ role: 'assistant', content: 'Great choice! What would you like to know?' },
				{ role: 'user', content: 'Which museums should I visit?' },
			],
		});
		expect(result.items.map((item) => item.json)).toEqual([{ messages: COMPRESSED.messages, messageCount: 2, usage: COMPRESSED.usage }]);
	});

	test('messages from JSON (an expression), expiration days and context limit as numbers; bodies follow MemoryRequest', async () => {
		const messages = [
			{ role: 'system', content: 'Be brief.' },
			{ role: 'user', content: [{ type: 'text', text: 'Hi' }] },
		];
		await runNode(
			compress({ memoryMessagesInput: 'json', memoryMessagesJson: '={{ $json.history }}', options: { expirationDays: 7, modelContextLimit: 32000 } }),
			{ baseUrl: server.baseUrl, items: [{ json: { history: messages } }] },
		);
		const body = server.lastRequest().json;
		expect(body).toEqual({ messages, expiration_days: 7, model_context_limit: 32000 });
		expect(openApiErrors('MemoryRequest', body)).toEqual([]);
		await runNode(compress(), { baseUrl: server.baseUrl });
		expect(openApiErrors('MemoryRequest', server.lastRequest().json)).toEqual([]);
	});

	test.each([
		[{ memoryMessagesInput: 'json', memoryMessagesJson: '[]' }, 'The parameter "Messages (JSON)" has no messages'],
		[{ memoryMessagesInput: 'json', memoryMessagesJson: '[{"role":"robot","content":"x"}]' }, 'Message 1 of "Messages (JSON)" has no valid role'],
		[{ memoryMessagesInput: 'json', memoryMessagesJson: '[{"role":"user"}]' }, 'Message 1 of "Messages (JSON)" has no content'],
		[{ memoryMessagesInput: 'json', memoryMessagesJson: '{oops' }, 'The parameter "Messages (JSON)" is not valid JSON'],
		[{ options: { expirationDays: 400 } }, 'The parameter "Expiration Days" must be at least 1 and at most 365'],
		[{ options: { modelContextLimit: 5000 } }, 'The parameter "Model Context Limit" must be at least 10000'],
	])('bad input %j fails before sending: %s', async (extra, message) => {
		const result = await runNode(compress(extra as INodeParameters), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('POST', '/v1/memory')).toHaveLength(0);
	});

	test('402 from NanoGPT (memory needs balance): NanoGPT words and top-up advice', async () => {
		server.on('POST', '/v1/memory', { status: 402, json: { error: { message: 'Insufficient balance for memory', type: 'insufficient_quota', code: 'memory_balance_required' } } });
		const result = await runNode(compress(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('Insufficient NanoGPT balance: Insufficient balance for memory');
		expect(result.error?.description).toMatch(/Top up your NanoGPT balance/);
	});
});
