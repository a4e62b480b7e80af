import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { PNG, itemWithBinary } from '../image/media';

const server = useFakeNanoGpt();

function responseObject(extra: Record<string, unknown> = {}) {
	return {
		id: 'resp_1',
		object: 'response',
		created_at: 1763780000,
		model: 'openai/gpt-5.2',
		status: 'completed',
		output: [
			{ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Thinking about it.' }] },
			{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello ' }, { type: 'output_text', text: 'there.' }] },
		],
		usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
		x_nanogpt_pricing: { cost: 0.0012, currency: 'USD', paymentSource: 'USD' },
		...extra,
	};
}

function createParameters(extra: Record<string, unknown> = {}) {
	return { resource: 'text', operation: 'createResponse', model: modelById('openai/gpt-5.2'), prompt: 'Say hello', ...extra } as never;
}

async function sentBody(parameters: never, items?: Parameters<typeof runNode>[1]['items']) {
	const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
	expect(result.error).toBeUndefined();
	const request = server.requestsTo('POST', '/v1/responses').at(-1)!;
	expect(openApiErrors('ResponsesCreateRequest', request.json)).toEqual([]);
	return { body: request.json, result };
}

beforeEach(() => {
	server.on('POST', '/v1/responses', authed(() => ({ json: responseObject() })));
});

describe('Text > Create Response', () => {
	test('a prompt alone is sent as the input string; simplified output like Ask', async () => {
		const { body, result } = await sentBody(createParameters());
		expect(body).toEqual({ model: 'openai/gpt-5.2', input: 'Say hello' });
		expect(result.items.map((item) => item.json)).toEqual([
			{
				text: 'Hello there.',
				reasoning: 'Thinking about it.',
				id: 'resp_1',
				status: 'completed',
				model: 'openai/gpt-5.2',
				usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 },
				cost: 0.0012,
				currency: 'USD',
				paymentSource: 'USD',
			},
		]);
	});

	test('instructions, messages with an image from binary, every option (numbers as numbers)', async () => {
		const { body } = await sentBody(
			createParameters({
				instructions: 'Be brief.',
				promptMode: 'messages',
				messages: { message: [{ role: 'user', content: 'What is this?' }] },
				images: { image: [{ source: 'binary', binaryPropertyName: 'data', detail: 'low' }] },
				options: {
					previousResponseId: ' resp_0 ',
					store: true,
					reasoningEffort: 'low',
					maxOutputTokens: 256,
					temperature: 0.5,
					topP: 0.9,
					metadata: '{"ticket": "42"}',
					truncation: 'auto',
					user: 'u-1',
					seed: 7,
					serviceTier: 'flex',
					billingMode: 'paygo',
					retentionDays: 0,
				},
			}),
			[itemWithBinary({ data: { buffer: PNG, mimeType: 'image/png', fileName: 'a.png' } })],
		);
		expect(body).toEqual({
			model: 'openai/gpt-5.2',
			instructions: 'Be brief.',
			input: [
				{
					role: 'user',
					content: [
						{ type: 'input_text', text: 'What is this?' },
						{ type: 'input_image', image_url: `data:image/png;base64,${PNG.toString('base64')}`, detail: 'low' },
					],
				},
			],
			previous_response_id: 'resp_0',
			store: true,
			reasoning: { effort: 'low' },
			max_output_tokens: 256,
			temperature: 0.5,
			top_p: 0.9,
			metadata: { ticket: '42' },
			truncation: 'auto',
			user: 'u-1',
			seed: 7,
			service_tier: 'flex',
			billing_mode: 'paygo',
			retention_days: 0,
		});
	});

	test('JSON schema: text.format carries the schema; the answer is parsed', async () => {
		const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
		server.on('POST', '/v1/responses', { json: responseObject({ output: [], output_text: '{"city": "Paris"}' }) });
		const { body, result } = await sentBody(
			createParameters({ responseFormat: 'json_schema', jsonSchema: JSON.stringify(schema), schemaName: 'place', strictSchema: true }),
		);
		expect(body.text).toEqual({ format: { type: 'json_schema', name: 'place', strict: true, schema } });
		expect(result.items[0].json.json).toEqual({ city: 'Paris' });
	});

	test('background: polls GET /v1/responses/{id} until done, one create request only', async () => {
		server.on('POST', '/v1/responses', { json: responseObject({ status: 'queued', output: [] }) });
		server.queue('GET', '/v1/responses/resp_1', { json: responseObject({ status: 'in_progress', output: [] }) }, { status: 503, json: { error: { message: 'busy' } } });
		server.on('GET', '/v1/responses/resp_1', { json: responseObject() });
		const { body, result } = await sentBody(createParameters({ options: { background: true, store: true, pollInterval: 0.01 } }));
		expect(body.background).toBe(true);
		expect(server.requestsTo('POST', '/v1/responses')).toHaveLength(1);
		expect(server.requestsTo('GET', '/v1/responses/resp_1')).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({ text: 'Hello there.', status: 'completed', id: 'resp_1' });
	});

	test('background without waiting returns the queued response at once', async () => {
		server.on('POST', '/v1/responses', { json: responseObject({ status: 'queued', output: [] }) });
		const { result } = await sentBody(createParameters({ options: { background: true, waitForCompletion: false } }));
		expect(server.requestsTo('GET', '/v1/responses/resp_1')).toHaveLength(0);
		expect(result.items[0].json).toMatchObject({ id: 'resp_1', status: 'queued', text: '' });
	});

	test('a failed response is a clear error', async () => {
		server.on('POST', '/v1/responses', { json: responseObject({ status: 'failed', output: [], error: { message: 'Model overloaded' } }) });
		const result = await runNode(createParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The response failed: Model overloaded');
	});

	test.each([
		[{ maxOutputTokens: 8 }, 'The parameter "Max Output Tokens" must be at least 16'],
		[{ retentionDays: 400 }, 'The parameter "Retention Days" must be at least 0 and at most 365'],
		[{ metadata: '[1]' }, 'The parameter "Metadata" must be a JSON object'],
	])('%j is refused before anything is sent', async (options, message) => {
		const result = await runNode(createParameters({ options }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});
});

describe('Text > Get Response / Delete Response', () => {
	test('GET /v1/responses/{id} (encoded), simplified', async () => {
		server.on('GET', '/v1/responses/resp_1%2Fx', authed(() => ({ json: responseObject() })));
		const result = await runNode({ resource: 'text', operation: 'getResponse', responseId: ' resp_1/x ' }, { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().method).toBe('GET');
		expect(result.items[0].json).toMatchObject({ text: 'Hello there.', id: 'resp_1', status: 'completed', cost: 0.0012 });
	});

	test('Simplify off returns the whole response object', async () => {
		server.on('GET', '/v1/responses/resp_1', { json: responseObject() });
		const result = await runNode({ resource: 'text', operation: 'getResponse', responseId: 'resp_1', simplify: false }, { baseUrl: server.baseUrl });
		expect(result.items[0].json).toEqual(responseObject());
	});

	test('DELETE /v1/responses/{id}; the output names the deleted ID', async () => {
		server.on('DELETE', '/v1/responses/resp_1', authed(() => ({ json: { id: 'resp_1', object: 'response.deleted', deleted: true } })));
		const result = await runNode({ resource: 'text', operation: 'deleteResponse', responseId: 'resp_1' }, { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: 'resp_1', object: 'response.deleted', deleted: true });
	});

	test('an empty ID is refused', async () => {
		const result = await runNode({ resource: 'text', operation: 'getResponse', responseId: ' ' }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Response ID" is empty');
		expect(server.requests).toHaveLength(0);
	});
});
