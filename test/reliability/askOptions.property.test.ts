import fc from 'fast-check';

import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

const decimal = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => Math.round(value * 100) / 100 + 0);
const integer = (min: number, max: number) => fc.integer({ min, max });
/** Text a user can type: n8n treats a parameter value starting with "=" as an expression. */
const text = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((value) => !value.startsWith('='));

/** Every Ask option: its UI name, the NanoGPT field it becomes, and values a user can set. */
const OPTIONS: Record<string, { field: string; value: fc.Arbitrary<unknown> }> = {
	temperature: { field: 'temperature', value: decimal(0, 2) },
	topP: { field: 'top_p', value: decimal(0, 1) },
	topK: { field: 'top_k', value: integer(0, 500) },
	minP: { field: 'min_p', value: decimal(0, 1) },
	topA: { field: 'top_a', value: decimal(0, 1) },
	tfs: { field: 'tfs', value: decimal(0, 1) },
	typicalP: { field: 'typical_p', value: decimal(0, 1) },
	mirostatMode: { field: 'mirostat_mode', value: fc.constantFrom(0, 1, 2) },
	mirostatTau: { field: 'mirostat_tau', value: decimal(0, 10) },
	mirostatEta: { field: 'mirostat_eta', value: decimal(0, 1) },
	repetitionPenalty: { field: 'repetition_penalty', value: decimal(-2, 2) },
	frequencyPenalty: { field: 'frequency_penalty', value: decimal(-2, 2) },
	presencePenalty: { field: 'presence_penalty', value: decimal(-2, 2) },
	maxTokens: { field: 'max_tokens', value: integer(1, 100000) },
	maxCompletionTokens: { field: 'max_completion_tokens', value: integer(1, 100000) },
	minTokens: { field: 'min_tokens', value: integer(0, 1000) },
	seed: { field: 'seed', value: integer(-1000000, 1000000) },
	stop: { field: 'stop', value: fc.array(text(8), { minLength: 1, maxLength: 4 }) },
	logitBias: { field: 'logit_bias', value: fc.dictionary(fc.integer({ min: 0, max: 100000 }).map(String), integer(-100, 100), { maxKeys: 4 }) },
	logprobs: { field: 'logprobs', value: fc.boolean() },
	topLogprobs: { field: 'top_logprobs', value: integer(0, 20) },
	user: { field: 'user', value: text(20) },
	verbosity: { field: 'verbosity', value: fc.constantFrom('low', 'medium', 'high') },
	reasoningEffort: { field: 'reasoning_effort', value: fc.constantFrom('none', 'minimal', 'low', 'medium', 'high', 'xhigh') },
	excludeReasoning: { field: 'reasoning', value: fc.boolean() },
};

const optionSets = fc.record(
	Object.fromEntries(Object.entries(OPTIONS).map(([name, option]) => [name, option.value])),
	{ requiredKeys: [] },
);

test('1000 random combinations of Ask options give valid NanoGPT bodies without unset options', async () => {
	let runs = 0;
	await fc.assert(
		fc.asyncProperty(optionSets, async (options) => {
			server.reset();
			const uiOptions: Record<string, unknown> = { ...options };
			if (options.logitBias !== undefined) uiOptions.logitBias = JSON.stringify(options.logitBias);
			// Pacing off: the runs share one pace per key, which would space these 1000 runs 41 ms apart for nothing.
			const result = await runNode(askParameters({ options: uiOptions as never, requestSettings: { maxRequestsPerSecond: 0 } }), { baseUrl: server.baseUrl });
			expect(result.error).toBeUndefined();
			const body = server.lastRequest().json;
			// An empty Logit Bias object sends nothing.
			const sent = Object.entries(options).filter(
				([name, value]) => !(name === 'logitBias' && Object.keys(value as object).length === 0),
			);
			const expectedFields = new Set(['model', 'messages', ...sent.map(([name]) => OPTIONS[name].field)]);
			expect(new Set(Object.keys(body))).toEqual(expectedFields);
			for (const [name, value] of sent) {
				const { field } = OPTIONS[name];
				if (name === 'excludeReasoning') expect(body.reasoning).toEqual({ exclude: value });
				else expect(body[field]).toEqual(value);
			}
			expect(openApiErrors('ChatCompletionRequest', body)).toEqual([]);
			runs++;
		}),
		{ numRuns: 1000 },
	);
	expect(runs).toBe(1000);
}, 300_000);
