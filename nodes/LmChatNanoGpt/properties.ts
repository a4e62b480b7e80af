import type { INodeProperties } from 'n8n-workflow';

import { contextMemoryOptions } from '../shared/contextMemory';
import { chatControlProperties } from '../shared/chatControls';

export const DEFAULT_TIMEOUT_SECONDS = 600;
export const DEFAULT_MAX_RETRIES = 2;

export const modelProperty: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The NanoGPT model the AI Agent or chain talks to. Models marked "Tools" support tool calling, which the AI Agent needs.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchChatModels', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. openai/gpt-5.2',
		},
	],
};

function numberOption(
	displayName: string,
	name: string,
	defaultValue: number,
	description: string,
	range: { min?: number; max?: number; integer?: boolean },
): INodeProperties {
	return {
		displayName,
		name,
		type: 'number',
		default: defaultValue,
		typeOptions: {
			...(range.min !== undefined ? { minValue: range.min } : {}),
			...(range.max !== undefined ? { maxValue: range.max } : {}),
			numberPrecision: range.integer ? 0 : 2,
		},
		description,
	};
}

/** The options collection, sorted by display name. Each option is sent only when the user adds it. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: ([
		...contextMemoryOptions,
		{
			displayName: 'Logit Bias',
			name: 'logitBias',
			type: 'json',
			default: '{}',
			description: 'JSON object mapping token IDs to a bias from -100 to 100, for example {"50256": -100}',
		},
		numberOption('Min Tokens', 'minTokens', 0, 'Minimum number of tokens to generate before stop conditions apply (where supported)', { min: 0, integer: true }),
		numberOption('Mirostat Eta', 'mirostatEta', 0.1, 'Mirostat learning rate, used when Mirostat Mode is 1 or 2', { min: 0 }),
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
		},
		numberOption('Mirostat Tau', 'mirostatTau', 5, 'Mirostat target entropy, used when Mirostat Mode is 1 or 2', { min: 0 }),
		numberOption('Tail Free Sampling', 'tfs', 1, 'Tail free sampling (0 to 1). 1 disables it.', { min: 0, max: 1 }),
		numberOption('Top A', 'topA', 0, 'Top-A sampling threshold; leave unset unless the model description asks for it', { min: 0 }),
		numberOption('Typical P', 'typicalP', 1, 'Typical sampling (0 to 1). 1 disables it.', { min: 0, max: 1 }),
		...chatControlProperties(false),
		numberOption('Frequency Penalty', 'frequencyPenalty', 0, 'Penalizes tokens by how often they already appeared (-2 to 2)', { min: -2, max: 2 }),
		numberOption('Max Retries', 'maxRetries', DEFAULT_MAX_RETRIES, 'How often a request that failed with a timeout, a connection reset, a rate limit (429) or a server error (5xx) is sent again. Other errors are never retried.', { min: 0, max: 10, integer: true }),
		numberOption('Max Tokens', 'maxTokens', 4096, 'Upper bound on the number of generated tokens per model call', { min: 1, integer: true }),
		numberOption('Min P', 'minP', 0.05, 'Minimum probability a token needs, relative to the most likely token (0 to 1)', { min: 0, max: 1 }),
		{
			displayName: 'Parallel Tool Calls',
			name: 'parallelToolCalls',
			type: 'boolean',
			default: true,
			description: 'Whether the model may call several tools in one turn (sent only when tools are connected)',
		},
		numberOption('Presence Penalty', 'presencePenalty', 0, 'Penalizes tokens that already appeared at all (-2 to 2)', { min: -2, max: 2 }),
		{
			displayName: 'Reasoning Effort',
			name: 'reasoningEffort',
			type: 'options',
			default: 'medium',
			description:
				'How much the model reasons before answering (models that support it). Which values a model accepts varies.',
			options: [
				{ name: 'Extra High', value: 'xhigh' },
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
				{ name: 'Medium', value: 'medium' },
				{ name: 'Minimal', value: 'minimal' },
				{ name: 'None', value: 'none' },
			],
		},
		numberOption('Repetition Penalty', 'repetitionPenalty', 1, 'Provider-agnostic repetition modifier (-2 to 2). Values above 1 discourage repetition.', { min: -2, max: 2 }),
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			default: 'text',
			description: 'JSON Object makes the model answer with a JSON object (say so in the prompt as well)',
			options: [
				{ name: 'Text', value: 'text' },
				{ name: 'JSON Object', value: 'json_object' },
			],
		},
		numberOption('Seed', 'seed', 0, 'Seed for best-effort reproducible sampling', { integer: true }),
		numberOption('Temperature', 'temperature', 0.7, 'Randomness of the output (0 to 2). Lower is more focused, which suits agents.', { min: 0, max: 2 }),
		numberOption('Timeout (Seconds)', 'timeout', DEFAULT_TIMEOUT_SECONDS, 'How long to wait for NanoGPT to answer one model call', { min: 1 }),
		numberOption('Top K', 'topK', 40, 'Sample only from the K most likely tokens', { min: 0, integer: true }),
		numberOption('Top P', 'topP', 1, 'Nucleus sampling: sample from the smallest set of tokens whose probability adds up to Top P (0 to 1)', { min: 0, max: 1 }),
	] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
};
