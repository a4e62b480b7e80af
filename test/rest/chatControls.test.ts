import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { askParameters, completeParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, completion, runWithChatModel } from '../chatModel/harness';

const server = useFakeNanoGpt();

const userMessage = { role: 'user', content: 'Say hello' };

/** Option (UI name) and value -> the exact body fragment NanoGPT must receive. */
const eachControl: Array<[string, unknown, Record<string, unknown>]> = [
	['etaCutoff', 0.0003, { eta_cutoff: 0.0003 }],
	['epsilonCutoff', 0.0002, { epsilon_cutoff: 0.0002 }],
	['noRepeatNgramSize', 3, { no_repeat_ngram_size: 3 }],
	['customTokenBans', '50256, 198', { custom_token_bans: [50256, 198] }],
	['stopTokenIds', '128001,128009', { stop_token_ids: [128001, 128009] }],
	['includeStopStrInOutput', true, { include_stop_str_in_output: true }],
	['ignoreEos', false, { ignore_eos: false }],
	['promptLogprobs', true, { prompt_logprobs: true }],
	['serviceTier', 'flex', { service_tier: 'flex' }],
	['billingMode', 'paygo', { billing_mode: 'paygo' }],
	['provider', ' deepinfra ', { provider: 'deepinfra' }],
	['providerOrder', 'deepinfra, together', { provider: { order: ['deepinfra', 'together'] } }],
	['providerOnly', 'deepinfra', { provider: { only: ['deepinfra'] } }],
	['providerIgnore', 'novita,chutes', { provider: { ignore: ['novita', 'chutes'] } }],
	['providerSort', 'price', { provider: { sort: 'price' } }],
	['providerQuantizations', ['fp8', 'bf16'], { provider: { quantizations: ['fp8', 'bf16'] } }],
	['providerMinQuantization', 'fp8', { provider: { min_quantization: 'fp8' } }],
	['providerMaxPromptPrice', 0.5, { provider: { max_price: { prompt: 0.5 } } }],
	['providerMaxCompletionPrice', 2, { provider: { max_price: { completion: 2 } } }],
	['providerAllowFallbacks', false, { provider: { allow_fallbacks: false } }],
	['providerRequireParameters', true, { provider: { require_parameters: true } }],
	['cachingProvider', true, { caching: true }],
	['stickyProvider', false, { stickyprovider: false }],
];

async function askBody(options: Record<string, unknown>) {
	const result = await runNode(askParameters({ options: options as never }), { baseUrl: server.baseUrl });
	expect(result.error).toBeUndefined();
	const request = server.lastRequest();
	expect(request.path).toBe('/v1/chat/completions');
	expect(openApiErrors('ChatCompletionRequest', request.json)).toEqual([]);
	return request.json;
}

async function completeBody(options: Record<string, unknown>) {
	const result = await runNode(completeParameters({ completeOptions: options as never }), { baseUrl: server.baseUrl });
	expect(result.error).toBeUndefined();
	const request = server.lastRequest();
	expect(request.path).toBe('/v1/completions');
	expect(openApiErrors('CompletionRequest', request.json)).toEqual([]);
	return request.json;
}

describe('Text > Ask: generation controls and provider selection', () => {
	test.each(eachControl)('option %s = %j is sent alone, as NanoGPT names it', async (name, value, expected) => {
		expect(await askBody({ [name]: value })).toEqual({ model: 'openai/gpt-5.2', messages: [userMessage], ...expected });
	});

	test('all provider routing options together form one provider object (numbers as numbers)', async () => {
		const body = await askBody({
			providerOrder: 'a, b',
			providerIgnore: 'c',
			providerSort: 'latency',
			providerMaxPromptPrice: 0.25,
			providerMaxCompletionPrice: '1.5',
			providerAllowFallbacks: true,
			cachingProvider: true,
			stickyProvider: true,
		});
		expect(body.provider).toEqual({
			order: ['a', 'b'],
			ignore: ['c'],
			sort: 'latency',
			max_price: { prompt: 0.25, completion: 1.5 },
			allow_fallbacks: true,
		});
		expect(body.caching).toBe(true);
		expect(body.stickyprovider).toBe(true);
	});

	test('Subscription billing mode and empty lists send nothing', async () => {
		const body = await askBody({ billingMode: 'subscription', customTokenBans: ' ', providerOrder: '', provider: '' });
		expect(body).toEqual({ model: 'openai/gpt-5.2', messages: [userMessage] });
	});

	test.each([
		[{ etaCutoff: -1 }, 'The option "Eta Cutoff" must be at least 0'],
		[{ noRepeatNgramSize: 2.5 }, 'The option "No Repeat N-Gram Size" must be a whole number'],
		[{ customTokenBans: '12, abc' }, 'The option "Custom Token Bans" must list token IDs (whole numbers)'],
		[{ stopTokenIds: '-4' }, 'The option "Stop Token IDs" must list token IDs (whole numbers)'],
		[{ serviceTier: 'turbo' }, 'The option "Service Tier" is not valid'],
		[{ providerMaxPromptPrice: -0.1 }, 'The option "Provider Max Prompt Price" must be at least 0'],
		[{ provider: 'deepinfra', providerIgnore: 'novita' }, 'The option "Provider" cannot be combined with the other provider options'],
	])('%j is refused before anything is sent', async (options, message) => {
		const result = await runNode(askParameters({ options: options as never }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toBeTruthy();
		expect(server.requests).toHaveLength(0);
	});

	test('Continue On Fail: a bad option fails its own item only, paired with it', async () => {
		const result = await runNode(askParameters({ options: { etaCutoff: '={{ $json.eta }}' } as never }), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { eta: 0.1 } }, { json: { eta: -3 } }, { json: { eta: 0.2 } }],
		});
		expect(result.items).toHaveLength(3);
		expect(result.items[1].json.error).toBe('The option "Eta Cutoff" must be at least 0');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(server.requestsTo('POST', '/v1/chat/completions').map((request) => request.json.eta_cutoff)).toEqual([0.1, 0.2]);
	});
});

describe('Text > Complete: generation controls and provider selection', () => {
	test.each(eachControl.filter(([name]) => !['cachingProvider', 'stickyProvider', 'serviceTier'].includes(name)))(
		'option %s = %j is sent alone, as NanoGPT names it',
		async (name, value, expected) => {
			expect(await completeBody({ [name]: value })).toEqual({
				model: 'openai/gpt-3.5-turbo-instruct',
				prompt: 'Once upon a time',
				...expected,
			});
		},
	);
});

describe('NanoGPT Chat Model: samplers and controls', () => {
	async function chatModelBody(options: Record<string, unknown>) {
		server.on('POST', '/v1/chat/completions', { json: completion({ content: 'Hi' }) });
		const result = await runWithChatModel(
			chatModelParameters('openai/gpt-5.2', options as never),
			async (model) => ({ text: (await model.invoke('Hello')).text }),
			{ baseUrl: server.baseUrl },
		);
		return { result, body: server.requests.length ? server.lastRequest().json : undefined };
	}

	test('the samplers Ask has, the new controls and provider routing reach the request', async () => {
		const { result, body } = await chatModelBody({
			topA: 0.1,
			tfs: 0.9,
			typicalP: 0.8,
			mirostatMode: 2,
			mirostatTau: 5,
			mirostatEta: 0.1,
			minTokens: 5,
			logitBias: '{"50256": -100}',
			etaCutoff: 0.001,
			epsilonCutoff: 0.002,
			noRepeatNgramSize: 4,
			customTokenBans: '1, 2',
			stopTokenIds: '3',
			includeStopStrInOutput: true,
			ignoreEos: false,
			promptLogprobs: false,
			serviceTier: 'priority',
			billingMode: 'paygo',
			providerOnly: 'deepinfra',
			providerAllowFallbacks: false,
		});
		expect(result.error).toBeUndefined();
		expect(body).toEqual({
			model: 'openai/gpt-5.2',
			messages: [{ role: 'user', content: 'Hello' }],
			top_a: 0.1,
			tfs: 0.9,
			typical_p: 0.8,
			mirostat_mode: 2,
			mirostat_tau: 5,
			mirostat_eta: 0.1,
			min_tokens: 5,
			logit_bias: { '50256': -100 },
			eta_cutoff: 0.001,
			epsilon_cutoff: 0.002,
			no_repeat_ngram_size: 4,
			custom_token_bans: [1, 2],
			stop_token_ids: [3],
			include_stop_str_in_output: true,
			ignore_eos: false,
			prompt_logprobs: false,
			service_tier: 'priority',
			billing_mode: 'paygo',
			provider: { only: ['deepinfra'], allow_fallbacks: false },
		});
		expect(openApiErrors('ChatCompletionRequest', body)).toEqual([]);
	});

	test('a single provider is sent as a string', async () => {
		const { body } = await chatModelBody({ provider: 'together' });
		expect(body.provider).toBe('together');
	});

	test.each([
		[{ typicalP: 1.5 }, 'The option "Typical P" is out of range'],
		[{ logitBias: '{"1": 300}' }, 'The option "Logit Bias" must map token IDs to numbers from -100 to 100'],
		[{ stopTokenIds: 'x' }, 'The option "Stop Token IDs" must list token IDs (whole numbers)'],
		[{ provider: 'a', providerOrder: 'b' }, 'The option "Provider" cannot be combined with the other provider options'],
	])('%j stops the sub-node with a clear message and sends nothing', async (options, message) => {
		const { result } = await chatModelBody(options);
		expect(result.error?.description).toContain(message);
		expect(server.requests).toHaveLength(0);
	});
});
