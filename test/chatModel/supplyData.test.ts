import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, completion, lc, runWithChatModel } from './harness';

const server = useFakeNanoGpt();

test('supplyData gives the root node a model whose calls carry the model, options and messages', async () => {
	server.on('POST', '/v1/chat/completions', { json: completion({ content: 'Paris.' }) });
	const result = await runWithChatModel(
		chatModelParameters('moonshotai/kimi-k2.5:thinking', {
			temperature: 0.2,
			topP: 0.9,
			maxTokens: 800,
			topK: 20,
			minP: 0.1,
			repetitionPenalty: 1.1,
			frequencyPenalty: 0.3,
			presencePenalty: -0.5,
			seed: 7,
			reasoningEffort: 'low',
			responseFormat: 'json_object',
		}),
		async (model) => {
			const answer = await model.invoke([new lc.SystemMessage('Be brief.'), new lc.HumanMessage('Capital of France?')]);
			return { text: answer.text, usage: answer.usage_metadata };
		},
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({
		text: 'Paris.',
		usage: { input_tokens: 12, output_tokens: 7, total_tokens: 19 },
	});
	const request = server.lastRequest();
	expect(request.path).toBe('/v1/chat/completions');
	expect(request.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
	expect(request.json).toEqual({
		model: 'moonshotai/kimi-k2.5:thinking',
		messages: [
			{ role: 'system', content: 'Be brief.' },
			{ role: 'user', content: 'Capital of France?' },
		],
		temperature: 0.2,
		top_p: 0.9,
		max_tokens: 800,
		top_k: 20,
		min_p: 0.1,
		repetition_penalty: 1.1,
		frequency_penalty: 0.3,
		presence_penalty: -0.5,
		seed: 7,
		reasoning_effort: 'low',
		response_format: { type: 'json_object' },
	});
});

test('without options only model and messages are sent', async () => {
	server.on('POST', '/v1/chat/completions', { json: completion({ content: 'Hi!' }) });
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: `${server.baseUrl}/v1/` },
	);
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({ text: 'Hi!' });
	expect(server.lastRequest().path).toBe('/v1/chat/completions');
	expect(server.lastRequest().json).toEqual({ model: 'openai/gpt-5.2', messages: [{ role: 'user', content: 'Hello' }] });
});

test('n8n records the model call on the sub-node (input messages and output) for the execution log', async () => {
	server.on('POST', '/v1/chat/completions', { json: completion({ content: 'Logged.' }) });
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke('Log me')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(JSON.stringify(result.subNodeRuns)).toContain('Log me');
	expect(JSON.stringify(result.subNodeRuns)).toContain('Logged.');
});

test('an option out of range stops the sub-node with a clear message and sends nothing', async () => {
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2', { temperature: 5 }),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error?.message).toBe('Error in sub-node NanoGPT Chat Model');
	expect(result.error?.description).toContain('The option "Temperature" is out of range');
	expect(server.requests).toHaveLength(0);
});

test('a NanoGPT error reaches the root node in NanoGPT words, without retrying a 402', async () => {
	server.on('POST', '/v1/chat/completions', {
		status: 402,
		json: { error: { message: 'Insufficient balance', type: 'insufficient_quota', code: 'insufficient_balance' } },
	});
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeDefined();
	expect(`${result.error?.message} ${result.error?.description}`).toContain('Insufficient');
	expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(1);
});

test('a 503 is retried per the Max Retries option, then the answer is used', async () => {
	server.queue('POST', '/v1/chat/completions', { status: 503, headers: { 'retry-after': '0' }, json: { error: { message: 'Busy' } } });
	server.on('POST', '/v1/chat/completions', { json: completion({ content: 'Second time lucky.' }) });
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2', { maxRetries: 1 }),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({ text: 'Second time lucky.' });
	expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(2);
});

test('an empty answer (no text, no tool call) fails with advice instead of an empty agent output', async () => {
	server.on('POST', '/v1/chat/completions', {
		json: completion({ content: '', reasoning: 'Thinking until the budget ran out' }, { finish_reason: 'length' }),
	});
	const result = await runWithChatModel(
		chatModelParameters('moonshotai/kimi-k2.5:thinking', { maxRetries: 0 }),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeDefined();
	expect(`${result.error?.message} ${result.error?.description}`).toMatch(/empty answer|Max Tokens/);
});
