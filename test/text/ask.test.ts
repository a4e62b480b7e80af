import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { chatCompletion } from '../helpers/fixtures';
import { openApiErrors } from '../helpers/openapi';
import { askParameters, modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

async function sentBody(parameters = askParameters(), items?: Parameters<typeof runNode>[1]['items']) {
	const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
	expect(result.error).toBeUndefined();
	const request = server.lastRequest();
	expect(request.method).toBe('POST');
	expect(request.path).toBe('/v1/chat/completions');
	expect(openApiErrors('ChatCompletionRequest', request.json)).toEqual([]);
	return request.json;
}

const userMessage = { role: 'user', content: 'Say hello' };

describe('Text > Ask request body', () => {
	test('without options only model and messages are sent', async () => {
		expect(await sentBody()).toEqual({ model: 'openai/gpt-5.2', messages: [userMessage] });
	});

	test('sends the API key as Bearer and x-api-key', async () => {
		await sentBody();
		const { headers } = server.lastRequest();
		expect(headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(headers['x-api-key']).toBe(VALID_KEY);
		expect(headers['content-type']).toContain('application/json');
	});

	test('simple mode sends the system prompt first', async () => {
		const body = await sentBody(askParameters({ systemPrompt: 'Be brief.' }));
		expect(body.messages).toEqual([{ role: 'system', content: 'Be brief.' }, userMessage]);
	});

	test('messages mode keeps the order of the turns', async () => {
		const messages = [
			{ role: 'system', content: 'You are terse.' },
			{ role: 'user', content: 'Capital of France?' },
			{ role: 'assistant', content: 'Paris.' },
			{ role: 'user', content: 'And of Italy?' },
		];
		const body = await sentBody(askParameters({ promptMode: 'messages', messages: { message: messages } }));
		expect(body).toEqual({ model: 'openai/gpt-5.2', messages });
	});

	test('model IDs with slashes and colons are sent unchanged', async () => {
		const body = await sentBody(askParameters({ model: modelById('moonshotai/kimi-k2.5:thinking') }));
		expect(body.model).toBe('moonshotai/kimi-k2.5:thinking');
	});

	test('a model picked from the list is sent by its ID', async () => {
		const body = await sentBody(askParameters({ model: { __rl: true, mode: 'list', value: 'anthropic/claude-opus-4.5' } }));
		expect(body.model).toBe('anthropic/claude-opus-4.5');
	});

	const eachOption: Array<[string, unknown, Record<string, unknown>]> = [
		['temperature', 0.7, { temperature: 0.7 }],
		['topP', 0.9, { top_p: 0.9 }],
		['topK', 40, { top_k: 40 }],
		['minP', 0.05, { min_p: 0.05 }],
		['topA', 0.2, { top_a: 0.2 }],
		['tfs', 0.95, { tfs: 0.95 }],
		['typicalP', 0.8, { typical_p: 0.8 }],
		['mirostatMode', 2, { mirostat_mode: 2 }],
		['mirostatTau', 5, { mirostat_tau: 5 }],
		['mirostatEta', 0.1, { mirostat_eta: 0.1 }],
		['repetitionPenalty', 1.1, { repetition_penalty: 1.1 }],
		['frequencyPenalty', -0.5, { frequency_penalty: -0.5 }],
		['presencePenalty', 1.5, { presence_penalty: 1.5 }],
		['maxTokens', 256, { max_tokens: 256 }],
		['maxCompletionTokens', 512, { max_completion_tokens: 512 }],
		['minTokens', 10, { min_tokens: 10 }],
		['seed', 42, { seed: 42 }],
		['stop', ['END', '###'], { stop: ['END', '###'] }],
		['logitBias', '{"50256": -100, "1234": 5}', { logit_bias: { '50256': -100, '1234': 5 } }],
		['logprobs', true, { logprobs: true }],
		['topLogprobs', 5, { top_logprobs: 5 }],
		['user', 'customer-17', { user: 'customer-17' }],
		['verbosity', 'low', { verbosity: 'low' }],
		['reasoningEffort', 'xhigh', { reasoning_effort: 'xhigh' }],
		['reasoningEffort', 'none', { reasoning_effort: 'none' }],
		['excludeReasoning', true, { reasoning: { exclude: true } }],
		['webSearch', 'standard', { model: 'openai/gpt-5.2:online' }],
		['webSearch', 'deep', { model: 'openai/gpt-5.2:online/linkup-deep' }],
		['promptCaching', true, { prompt_caching: { enabled: true, ttl: '5m' } }],
	];

	test.each(eachOption)('option %s = %j is sent alone with its NanoGPT name and type', async (name, value, expected) => {
		const body = await sentBody(askParameters({ options: { [name]: value } as never }));
		expect(body).toEqual({ model: 'openai/gpt-5.2', messages: [userMessage], ...expected });
	});

	test('all options together', async () => {
		const options: Record<string, unknown> = {};
		const expected: Record<string, unknown> = {};
		for (const [name, value, fragment] of eachOption) {
			if (name === 'webSearch' || (name === 'reasoningEffort' && value === 'none')) continue;
			options[name] = value;
			Object.assign(expected, fragment);
		}
		Object.assign(options, { webSearch: 'deep', cacheTtl: '1h', cacheCutAfterMessageIndex: 1 });
		const body = await sentBody(askParameters({ systemPrompt: 'Be brief.', options: options as never }));
		expect(body).toEqual({
			...expected,
			model: 'openai/gpt-5.2:online/linkup-deep',
			messages: [{ role: 'system', content: 'Be brief.' }, userMessage],
			prompt_caching: { enabled: true, ttl: '1h', cut_after_message_index: 1 },
		});
		expect(typeof body.temperature).toBe('number');
		expect(typeof body.seed).toBe('number');
	});

	test('web search is not added twice when the model already has an :online suffix', async () => {
		const body = await sentBody(askParameters({ model: modelById('openai/gpt-5.2:online/exa-fast'), options: { webSearch: 'standard' } }));
		expect(body.model).toBe('openai/gpt-5.2:online/exa-fast');
	});

	test('an image from a binary property is sent as a data URL part of the user message', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const body = await sentBody(
			askParameters({ images: { image: [{ source: 'binary', binaryPropertyName: 'photo', detail: 'auto' }] } }),
			[{ json: {}, binary: { photo: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'photo.png' } } }],
		);
		expect(body.messages).toEqual([
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'Say hello' },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
				],
			},
		]);
	});

	test('an image URL is sent as an image_url part, with its detail level', async () => {
		const body = await sentBody(
			askParameters({ images: { image: [{ source: 'url', imageUrl: 'https://example.com/cat.jpg', detail: 'low' }] } }),
		);
		expect(body.messages[0].content[1]).toEqual({ type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } });
	});

	test('images join the last user message in messages mode', async () => {
		const messages = [
			{ role: 'user', content: 'First' },
			{ role: 'assistant', content: 'Ok' },
			{ role: 'user', content: 'Look at this' },
		];
		const body = await sentBody(
			askParameters({ promptMode: 'messages', messages: { message: messages }, images: { image: [{ source: 'url', imageUrl: 'https://example.com/a.png' }] } }),
		);
		expect(body.messages[0]).toEqual(messages[0]);
		expect(body.messages[2].content).toEqual([
			{ type: 'text', text: 'Look at this' },
			{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
		]);
	});

	test('JSON object response format', async () => {
		server.on('POST', '/v1/chat/completions', { json: chatCompletion('{"city": "Paris"}') });
		const result = await runNode(askParameters({ responseFormat: 'json_object' }), { baseUrl: server.baseUrl });
		expect(server.lastRequest().json.response_format).toEqual({ type: 'json_object' });
		expect(result.items[0].json.json).toEqual({ city: 'Paris' });
	});

	test('JSON schema response format sends the schema and parses a fenced answer', async () => {
		const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
		server.on('POST', '/v1/chat/completions', { json: chatCompletion('```json\n{"answer": "42"}\n```') });
		const result = await runNode(
			askParameters({ responseFormat: 'json_schema', jsonSchema: JSON.stringify(schema), schemaName: 'answer_schema', strictSchema: true }),
			{ baseUrl: server.baseUrl },
		);
		expect(server.lastRequest().json.response_format).toEqual({
			type: 'json_schema',
			json_schema: { name: 'answer_schema', strict: true, schema },
		});
		expect(result.items[0].json.json).toEqual({ answer: '42' });
	});

	test('an answer that is not JSON when JSON was asked for is a clear error', async () => {
		server.on('POST', '/v1/chat/completions', { json: chatCompletion('Sure! Here you go: city=Paris') });
		const result = await runNode(askParameters({ responseFormat: 'json_object' }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The model did not answer with valid JSON');
		expect(result.error?.description).toContain('Sure! Here you go');
	});
});

describe('Text > Ask output', () => {
	test('simplified output has the answer, finish reason, usage and cost', async () => {
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			text: 'Hello from NanoGPT',
			finishReason: 'stop',
			model: 'openai/gpt-5.2',
			usage: chatCompletion('').usage,
			cost: 0.000213,
			currency: 'USD',
			paymentSource: 'USD',
			id: 'chatcmpl-9f2c1d',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('a reasoning-only answer keeps the reasoning and an empty text', async () => {
		server.on('POST', '/v1/chat/completions', { json: chatCompletion('', { reasoning: 'Thinking about it...', finishReason: 'length' }) });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toMatchObject({ text: '', reasoning: 'Thinking about it...', finishReason: 'length' });
	});

	test('reasoning in the legacy reasoning_content field and a null content', async () => {
		server.on('POST', '/v1/chat/completions', { json: chatCompletion(null, { reasoning: 'Legacy thoughts', reasoningField: 'reasoning_content' }) });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toMatchObject({ text: '', reasoning: 'Legacy thoughts' });
	});

	test('the older nanoGPT cost field is read too', async () => {
		server.on('POST', '/v1/chat/completions', { json: chatCompletion('Hi', { legacyCost: true }) });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toMatchObject({ text: 'Hi', cost: 0.0132, paymentSource: 'XNO' });
		expect(result.items[0].json).not.toHaveProperty('currency');
	});

	test('Simplify Output off returns the full API response', async () => {
		const full = chatCompletion('Hello', { reasoning: 'r' });
		server.on('POST', '/v1/chat/completions', { json: full });
		const result = await runNode(askParameters({ simplify: false }), { baseUrl: server.baseUrl });
		expect(result.items.map((item) => item.json)).toEqual([full]);
	});

	test('each input item gets its own request and paired output', async () => {
		const items = [{ json: { q: 'one' } }, { json: { q: 'two' } }, { json: { q: 'three' } }];
		const result = await runNode(askParameters({ prompt: '={{ $json.q }}' }), { baseUrl: server.baseUrl, items });
		expect(server.requests.map((request) => request.json.messages[0].content).sort()).toEqual(['one', 'three', 'two']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
