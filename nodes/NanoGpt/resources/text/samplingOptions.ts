import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bodyOf, checkNumberInRange, describeType, parseJsonParameter, textParameter } from '../../shared/parameters';
import { chatControlProperties, normalizeChatControls } from '../../../shared/chatControls';

/** Where a sampling option is accepted: chat completions, text completions or both. */
type Endpoint = 'chat' | 'completion';

interface NumberRule {
	apiField: string;
	displayName: string;
	min?: number;
	max?: number;
	integer?: boolean;
}

/** The documented ranges of NanoGPT's numeric sampling fields (seed docs and OpenAPI spec). */
export const NUMBER_RULES: NumberRule[] = [
	{ apiField: 'frequency_penalty', displayName: 'Frequency Penalty', min: -2, max: 2 },
	{ apiField: 'max_completion_tokens', displayName: 'Max Completion Tokens', min: 1, integer: true },
	{ apiField: 'max_tokens', displayName: 'Max Tokens', min: 1, integer: true },
	{ apiField: 'min_p', displayName: 'Min P', min: 0, max: 1 },
	{ apiField: 'min_tokens', displayName: 'Min Tokens', min: 0, integer: true },
	{ apiField: 'mirostat_eta', displayName: 'Mirostat Eta', min: 0 },
	{ apiField: 'mirostat_mode', displayName: 'Mirostat Mode', min: 0, max: 2, integer: true },
	{ apiField: 'mirostat_tau', displayName: 'Mirostat Tau', min: 0 },
	{ apiField: 'presence_penalty', displayName: 'Presence Penalty', min: -2, max: 2 },
	{ apiField: 'repetition_penalty', displayName: 'Repetition Penalty', min: -2, max: 2 },
	{ apiField: 'seed', displayName: 'Seed', integer: true },
	{ apiField: 'temperature', displayName: 'Temperature', min: 0, max: 2 },
	{ apiField: 'tfs', displayName: 'Tail Free Sampling', min: 0, max: 1 },
	{ apiField: 'top_a', displayName: 'Top A', min: 0 },
	{ apiField: 'top_k', displayName: 'Top K', min: 0, integer: true },
	{ apiField: 'top_logprobs', displayName: 'Top Logprobs', min: 0, max: 20, integer: true },
	{ apiField: 'top_p', displayName: 'Top P', min: 0, max: 1 },
	{ apiField: 'typical_p', displayName: 'Typical P', min: 0, max: 1 },
];

const MAX_STOP_SEQUENCES = 4;

/** Text options sent as they are: an object or array from an expression is refused, not sent as "[object Object]". */
const TEXT_FIELDS: Record<string, string> = {
	user: 'User',
	reasoning_effort: 'Reasoning Effort',
	verbosity: 'Verbosity',
};

function numberOption(
	rule: NumberRule,
	name: string,
	defaultValue: number,
	description: string,
	numberPrecision = 2,
): INodeProperties {
	return {
		displayName: rule.displayName,
		name,
		type: 'number',
		default: defaultValue,
		typeOptions: {
			...(rule.min !== undefined ? { minValue: rule.min } : {}),
			...(rule.max !== undefined ? { maxValue: rule.max } : {}),
			numberPrecision: rule.integer ? 0 : numberPrecision,
		},
		description,
		routing: { send: { type: 'body', property: rule.apiField } },
	};
}

function rule(apiField: string): NumberRule {
	const found = NUMBER_RULES.find((candidate) => candidate.apiField === apiField);
	if (!found) throw new Error(`No range rule for ${apiField}`);
	return found;
}

/** preSend: checks numbers (expressions bypass the UI limits), stop sequences and logit bias. */
export async function validateSamplingOptions(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	for (const numberRule of NUMBER_RULES) {
		if (body[numberRule.apiField] === undefined) continue;
		body[numberRule.apiField] = checkNumberInRange(this, body[numberRule.apiField], numberRule.displayName, numberRule);
	}
	if (body.stop !== undefined) {
		const raw = Array.isArray(body.stop) ? body.stop : [body.stop];
		const stop = raw
			.map((entry) => textParameter(this, entry, 'Stop Sequences'))
			.filter((entry) => entry !== '');
		if (stop.length > MAX_STOP_SEQUENCES) {
			throw new NodeOperationError(this.getNode(), `The parameter "Stop Sequences" has ${stop.length} entries`, {
				description: `NanoGPT accepts at most ${MAX_STOP_SEQUENCES} stop sequences.`,
			});
		}
		if (stop.length === 0) delete body.stop;
		else body.stop = stop;
	}
	if (body.logit_bias !== undefined) {
		const bias = parseJsonParameter(this, body.logit_bias, 'Logit Bias') as IDataObject;
		for (const [token, value] of Object.entries(bias)) {
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				throw new NodeOperationError(this.getNode(), 'The parameter "Logit Bias" must map token IDs to numbers', {
					description: `The value for token "${token}" is ${JSON.stringify(value)}. Example: {"50256": -100}.`,
				});
			}
		}
		// An empty object (the option added but left at its default) sends nothing.
		if (Object.keys(bias).length === 0) delete body.logit_bias;
		else body.logit_bias = bias;
	}
	for (const [field, displayName] of Object.entries(TEXT_FIELDS)) {
		if (body[field] === undefined) continue;
		body[field] = textParameter(this, body[field], displayName);
	}
	const reasoning = body.reasoning as IDataObject | undefined;
	if (reasoning && typeof reasoning === 'object' && reasoning.exclude !== undefined && typeof reasoning.exclude !== 'boolean') {
		throw new NodeOperationError(this.getNode(), 'The parameter "Exclude Reasoning" must be true or false', {
			description: `It is ${describeType(reasoning.exclude)}.`,
		});
	}
	const optionsName = this.getNodeParameter('operation', '') === 'complete' ? 'completeOptions' : 'options';
	const options = this.getNodeParameter(optionsName, {}) as IDataObject;
	normalizeChatControls(body, options, (message, description) => {
		throw new NodeOperationError(this.getNode(), message, { description });
	});
	return requestOptions;
}

/** The sampling and length options shared by Ask (chat) and Complete (text), in UI order. */
function samplingOptions(endpoint: Endpoint): INodeProperties[] {
	const options: INodeProperties[] = [
		numberOption(rule('frequency_penalty'), 'frequencyPenalty', 0, 'Penalizes tokens by how often they already appeared (-2 to 2). Positive values reduce verbatim repetition.'),
		{
			displayName: 'Logit Bias',
			name: 'logitBias',
			type: 'json',
			default: '{}',
			description: 'JSON object mapping token IDs to a bias from -100 to 100, for example {"50256": -100}',
			routing: { send: { type: 'body', property: 'logit_bias' } },
		},
		{
			displayName: 'Logprobs',
			name: 'logprobs',
			type: 'boolean',
			default: true,
			description: 'Whether to return the log probabilities of the output tokens (where the provider supports it)',
			routing: { send: { type: 'body', property: 'logprobs' } },
		},
		numberOption(rule('max_tokens'), 'maxTokens', 4096, 'Upper bound on the number of generated tokens'),
		numberOption(rule('min_p'), 'minP', 0.05, 'Minimum probability a token needs, relative to the most likely token (0 to 1)'),
		numberOption(rule('min_tokens'), 'minTokens', 0, 'Minimum number of tokens to generate before stop conditions apply (where supported)'),
		numberOption(rule('mirostat_eta'), 'mirostatEta', 0.1, 'Mirostat learning rate, used when Mirostat Mode is 1 or 2'),
		{
			displayName: 'Mirostat Mode',
			name: 'mirostatMode',
			type: 'options',
			default: 0,
			description: 'Mirostat sampling for models that support it',
			options: [
				{ name: 'Disabled', value: 0 },
				{ name: 'Mirostat 1', value: 1 },
				{ name: 'Mirostat 2', value: 2 },
			],
			routing: { send: { type: 'body', property: 'mirostat_mode' } },
		},
		numberOption(rule('mirostat_tau'), 'mirostatTau', 5, 'Mirostat target entropy, used when Mirostat Mode is 1 or 2'),
		numberOption(rule('presence_penalty'), 'presencePenalty', 0, 'Penalizes tokens that already appeared at all (-2 to 2). Positive values encourage new topics.'),
		numberOption(rule('repetition_penalty'), 'repetitionPenalty', 1, 'Provider-agnostic repetition modifier (-2 to 2). Values above 1 discourage repetition.'),
		numberOption(rule('seed'), 'seed', 0, 'Seed for best-effort reproducible sampling'),
		{
			displayName: 'Stop Sequences',
			name: 'stop',
			type: 'string',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Stop Sequence' },
			default: [],
			description: 'Up to 4 sequences where the model stops generating',
			routing: { send: { type: 'body', property: 'stop' } },
		},
		numberOption(rule('tfs'), 'tfs', 1, 'Tail free sampling (0 to 1). 1 disables it.'),
		numberOption(rule('temperature'), 'temperature', 1, 'Randomness of the output (0 to 2). Lower is more focused, higher more creative.'),
		numberOption(rule('top_a'), 'topA', 0, 'Top-A sampling threshold; leave unset unless the model description asks for it'),
		numberOption(rule('top_k'), 'topK', 40, 'Sample only from the K most likely tokens'),
		numberOption(rule('top_p'), 'topP', 1, 'Nucleus sampling: sample from the smallest set of tokens whose probability adds up to Top P (0 to 1)'),
		numberOption(rule('typical_p'), 'typicalP', 1, 'Typical sampling (0 to 1). 1 disables it.'),
	];
	if (endpoint === 'chat') {
		options.push(
			{
				displayName: 'Exclude Reasoning',
				name: 'excludeReasoning',
				type: 'boolean',
				default: true,
				description: 'Whether to leave the reasoning text out of the answer (the model may still reason)',
				routing: { send: { type: 'body', property: 'reasoning.exclude' } },
			},
			numberOption(rule('max_completion_tokens'), 'maxCompletionTokens', 4096, 'Upper bound on generated tokens including reasoning tokens (newer OpenAI models use this instead of Max Tokens)'),
			{
				displayName: 'Reasoning Effort',
				name: 'reasoningEffort',
				type: 'options',
				default: 'medium',
				description: 'How much the model reasons before answering. Any value except None turns reasoning on for models that support it.',
				options: [
					{ name: 'Extra High', value: 'xhigh' },
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
					{ name: 'Minimal', value: 'minimal' },
					{ name: 'None', value: 'none' },
				],
				routing: { send: { type: 'body', property: 'reasoning_effort' } },
			},
			numberOption(rule('top_logprobs'), 'topLogprobs', 5, 'Number of most likely tokens to return at each position (0 to 20); needs Logprobs'),
			{
				displayName: 'User',
				name: 'user',
				type: 'string',
				default: '',
				description: 'An identifier for your end user, passed to the provider for abuse monitoring',
				routing: { send: { type: 'body', property: 'user' } },
			},
			{
				displayName: 'Verbosity',
				name: 'verbosity',
				type: 'options',
				default: 'medium',
				description: 'How long and detailed the answer should be (models that support it)',
				options: [
					{ name: 'High', value: 'high' },
					{ name: 'Low', value: 'low' },
					{ name: 'Medium', value: 'medium' },
				],
				routing: { send: { type: 'body', property: 'verbosity' } },
			},
		);
	}
	return options;
}

export function sortedSamplingOptions(endpoint: Endpoint, extra: INodeProperties[] = []): INodeProperties[] {
	return [...samplingOptions(endpoint), ...chatControlProperties(true), ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
