import { runNode } from '../helpers/engine';
import { textCompletion } from '../helpers/fixtures';
import { openApiErrors } from '../helpers/openapi';
import { completeParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

async function sentBody(parameters = completeParameters()) {
	const result = await runNode(parameters, { baseUrl: server.baseUrl });
	expect(result.error).toBeUndefined();
	const request = server.lastRequest();
	expect(request.path).toBe('/v1/completions');
	expect(openApiErrors('CompletionRequest', request.json)).toEqual([]);
	return request.json;
}

describe('Text > Complete', () => {
	test('without options only model and prompt are sent', async () => {
		expect(await sentBody()).toEqual({ model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Once upon a time' });
	});

	test.each([
		['maxTokens', 64, { max_tokens: 64 }],
		['temperature', 0.2, { temperature: 0.2 }],
		['topP', 0.5, { top_p: 0.5 }],
		['topK', 20, { top_k: 20 }],
		['minP', 0.1, { min_p: 0.1 }],
		['repetitionPenalty', 1.2, { repetition_penalty: 1.2 }],
		['presencePenalty', 0.3, { presence_penalty: 0.3 }],
		['frequencyPenalty', 0.4, { frequency_penalty: 0.4 }],
		['stop', ['\n\n'], { stop: ['\n\n'] }],
		['seed', 7, { seed: 7 }],
		['mirostatMode', 1, { mirostat_mode: 1 }],
	])('option %s is sent as NanoGPT expects', async (name, value, expected) => {
		const body = await sentBody(completeParameters({ completeOptions: { [name]: value } as never }));
		expect(body).toEqual({ model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Once upon a time', ...expected });
	});

	test('simplified output has the completion text, usage and cost', async () => {
		const result = await runNode(completeParameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toEqual({
			text: ' there was a robot.',
			finishReason: 'length',
			model: 'openai/gpt-3.5-turbo-instruct',
			usage: textCompletion('').usage,
			cost: 0.00003,
			currency: 'USD',
			paymentSource: 'USD',
			id: 'cmpl-77ab',
		});
	});

	test('Simplify Output off returns the full response', async () => {
		const result = await runNode(completeParameters({ simplify: false }), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toEqual(textCompletion(' there was a robot.'));
	});

	test('an empty prompt fails with a message naming the parameter, before any request', async () => {
		const result = await runNode(completeParameters({ prompt: '   ' }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Prompt" is empty');
		expect(server.requests).toHaveLength(0);
	});
});
