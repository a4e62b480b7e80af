import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { JPEG, itemWithBinary } from '../image/media';

const server = useFakeNanoGpt();

const anthropicMessage = {
	id: 'msg_1',
	type: 'message',
	role: 'assistant',
	model: 'anthropic/claude-sonnet-4.5',
	content: [
		{ type: 'thinking', thinking: 'Let me think.' },
		{ type: 'text', text: 'Bonjour!' },
	],
	stop_reason: 'end_turn',
	usage: { input_tokens: 20, output_tokens: 8 },
	x_nanogpt_pricing: { cost: 0.002, currency: 'USD' },
};

function messageParameters(extra: Record<string, unknown> = {}) {
	return { resource: 'text', operation: 'message', model: modelById('anthropic/claude-sonnet-4.5'), prompt: 'Say hello in French', ...extra } as never;
}

async function sentBody(parameters: never, items?: Parameters<typeof runNode>[1]['items']) {
	const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
	expect(result.error).toBeUndefined();
	const request = server.lastRequest();
	expect(request.path).toBe('/v1/messages');
	expect(openApiErrors('AnthropicMessageRequest', request.json)).toEqual([]);
	return { body: request.json, result };
}

beforeEach(() => {
	server.on('POST', '/v1/messages', authed(() => ({ json: anthropicMessage })));
});

describe('Text > Message (Anthropic format)', () => {
	test('prompt and max_tokens only by default; simplified output like Ask', async () => {
		const { body, result } = await sentBody(messageParameters());
		expect(body).toEqual({
			model: 'anthropic/claude-sonnet-4.5',
			messages: [{ role: 'user', content: 'Say hello in French' }],
			max_tokens: 1024,
		});
		expect(result.items[0].json).toEqual({
			text: 'Bonjour!',
			reasoning: 'Let me think.',
			finishReason: 'end_turn',
			model: 'anthropic/claude-sonnet-4.5',
			usage: { input_tokens: 20, output_tokens: 8 },
			cost: 0.002,
			currency: 'USD',
			id: 'msg_1',
		});
	});

	test('system with cache control, thinking budget, stop sequences, sampling; image from binary', async () => {
		const { body } = await sentBody(
			messageParameters({
				system: 'You translate.',
				maxTokens: 4096,
				images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] },
				options: { cacheSystemPrompt: true, thinkingBudget: 2048, stopSequences: ['END'], temperature: 1, topK: 5, topP: 0.9 },
			}),
			[itemWithBinary({ data: { buffer: JPEG, mimeType: 'image/jpeg', fileName: 'a.jpg' } })],
		);
		expect(body).toEqual({
			model: 'anthropic/claude-sonnet-4.5',
			system: [{ type: 'text', text: 'You translate.', cache_control: { type: 'ephemeral' } }],
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'Say hello in French' },
						{ type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: JPEG.toString('base64') } },
					],
				},
			],
			max_tokens: 4096,
			thinking: { type: 'enabled', budget_tokens: 2048 },
			stop_sequences: ['END'],
			temperature: 1,
			top_k: 5,
			top_p: 0.9,
		});
	});

	test('messages mode: system messages move to "system", turns keep their order', async () => {
		const { body } = await sentBody(
			messageParameters({
				promptMode: 'messages',
				messages: {
					message: [
						{ role: 'system', content: 'Be terse.' },
						{ role: 'user', content: 'Hi' },
						{ role: 'assistant', content: 'Hello.' },
						{ role: 'user', content: 'Again?' },
					],
				},
			}),
		);
		expect(body.system).toBe('Be terse.');
		expect(body.messages).toEqual([
			{ role: 'user', content: 'Hi' },
			{ role: 'assistant', content: 'Hello.' },
			{ role: 'user', content: 'Again?' },
		]);
	});

	test.each([
		[{ maxTokens: 2048, options: { thinkingBudget: 4096 } }, 'The option "Thinking Budget Tokens" must be below "Max Tokens"'],
		[{ options: { thinkingBudget: 100 } }, 'The parameter "Thinking Budget Tokens" must be at least 1024'],
		[{ options: { temperature: 1.5 } }, 'The parameter "Temperature" must be at least 0 and at most 1'],
		[{ options: { cacheSystemPrompt: true } }, 'The option "Cache System Prompt" needs a system prompt'],
		[{ promptMode: 'messages', messages: { message: [{ role: 'system', content: 'x' }] } }, 'The parameter "Messages" has no user or assistant message'],
	])('%j is refused before anything is sent', async (parameters, message) => {
		const result = await runNode(messageParameters(parameters), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	test('an Anthropic-format error is reported in NanoGPT words', async () => {
		server.on('POST', '/v1/messages', { status: 400, json: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens too large' } } });
		const result = await runNode(messageParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toContain('max_tokens too large');
	});
});
