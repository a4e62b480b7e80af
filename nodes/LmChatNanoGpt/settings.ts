import type { IDataObject } from 'n8n-workflow';

import { withMemorySuffix } from '../shared/contextMemory';
import { bodyFromOptions } from '../shared/chatControls';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_SECONDS } from './properties';

/** Everything the chat model needs from the node parameters, already checked. */
export interface ChatModelSettings {
	model: string;
	/** Request body fields sent with every call (snake_case, only those the user set). */
	body: IDataObject;
	parallelToolCalls?: boolean;
	timeoutMs: number;
	maxRetries: number;
}

interface NumberField {
	option: string;
	apiField: string;
	displayName: string;
	min?: number;
	max?: number;
	integer?: boolean;
}

const NUMBER_FIELDS: NumberField[] = [
	{ option: 'frequencyPenalty', apiField: 'frequency_penalty', displayName: 'Frequency Penalty', min: -2, max: 2 },
	{ option: 'maxTokens', apiField: 'max_tokens', displayName: 'Max Tokens', min: 1, integer: true },
	{ option: 'minP', apiField: 'min_p', displayName: 'Min P', min: 0, max: 1 },
	{ option: 'minTokens', apiField: 'min_tokens', displayName: 'Min Tokens', min: 0, integer: true },
	{ option: 'mirostatEta', apiField: 'mirostat_eta', displayName: 'Mirostat Eta', min: 0 },
	{ option: 'mirostatMode', apiField: 'mirostat_mode', displayName: 'Mirostat Mode', min: 0, max: 2, integer: true },
	{ option: 'mirostatTau', apiField: 'mirostat_tau', displayName: 'Mirostat Tau', min: 0 },
	{ option: 'tfs', apiField: 'tfs', displayName: 'Tail Free Sampling', min: 0, max: 1 },
	{ option: 'topA', apiField: 'top_a', displayName: 'Top A', min: 0 },
	{ option: 'typicalP', apiField: 'typical_p', displayName: 'Typical P', min: 0, max: 1 },
	{ option: 'presencePenalty', apiField: 'presence_penalty', displayName: 'Presence Penalty', min: -2, max: 2 },
	{ option: 'repetitionPenalty', apiField: 'repetition_penalty', displayName: 'Repetition Penalty', min: -2, max: 2 },
	{ option: 'seed', apiField: 'seed', displayName: 'Seed', integer: true },
	{ option: 'temperature', apiField: 'temperature', displayName: 'Temperature', min: 0, max: 2 },
	{ option: 'topK', apiField: 'top_k', displayName: 'Top K', min: 0, integer: true },
	{ option: 'topP', apiField: 'top_p', displayName: 'Top P', min: 0, max: 1 },
];

const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];

/** A user mistake in the options; the node turns it into a NodeOperationError. */
export class InvalidOptionError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

function checkedNumber(field: NumberField, raw: unknown): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const range =
		field.min !== undefined && field.max !== undefined
			? `between ${field.min} and ${field.max}`
			: field.min !== undefined
				? `at least ${field.min}`
				: 'a number';
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new InvalidOptionError(`The option "${field.displayName}" must be a number`, `It is ${JSON.stringify(raw)}; use ${range}.`);
	}
	if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
		throw new InvalidOptionError(`The option "${field.displayName}" is out of range`, `It is ${value}; use ${range}.`);
	}
	if (field.integer && !Number.isInteger(value)) {
		throw new InvalidOptionError(`The option "${field.displayName}" must be a whole number`, `It is ${value}.`);
	}
	return value;
}

/** The error callback of the shared chat controls. */
function failOption(message: string, description: string): never {
	throw new InvalidOptionError(message, description);
}

/** The Logit Bias option (JSON text or an object from an expression) as token ID -> number. */
function logitBiasOf(raw: unknown): IDataObject {
	let bias = raw;
	let parseError: string | undefined;
	if (typeof raw === 'string') {
		try {
			bias = JSON.parse(raw.trim() === '' ? '{}' : raw);
		} catch (error) {
			parseError = (error as Error).message;
		}
	}
	if (parseError !== undefined) {
		throw new InvalidOptionError('The option "Logit Bias" is not valid JSON', `${parseError}. Example: {"50256": -100}.`);
	}
	if (!bias || typeof bias !== 'object' || Array.isArray(bias)) {
		throw new InvalidOptionError('The option "Logit Bias" must be a JSON object', 'Map token IDs to numbers, for example {"50256": -100}.');
	}
	for (const [token, value] of Object.entries(bias)) {
		if (typeof value !== 'number' || !Number.isFinite(value) || value < -100 || value > 100) {
			throw new InvalidOptionError(
				'The option "Logit Bias" must map token IDs to numbers from -100 to 100',
				`The value for token "${token}" is ${JSON.stringify(value)}. Example: {"50256": -100}.`,
			);
		}
	}
	return bias as IDataObject;
}

/** Turns the Model and Options parameters into request fields and transport settings. */
export function chatModelSettings(model: unknown, options: IDataObject): ChatModelSettings {
	const modelId = typeof model === 'string' ? model.trim() : '';
	if (modelId === '') {
		throw new InvalidOptionError('No model selected', 'Pick a model from the list or enter a NanoGPT model ID, for example openai/gpt-5.2.');
	}
	const body: IDataObject = {};
	for (const field of NUMBER_FIELDS) {
		if (options[field.option] === undefined) continue;
		body[field.apiField] = checkedNumber(field, options[field.option]);
	}
	if (options.reasoningEffort !== undefined) {
		const effort = String(options.reasoningEffort);
		if (!REASONING_EFFORTS.includes(effort)) {
			throw new InvalidOptionError('The option "Reasoning Effort" is not valid', `Use one of ${REASONING_EFFORTS.join(', ')}.`);
		}
		body.reasoning_effort = effort;
	}
	if (options.responseFormat === 'json_object') body.response_format = { type: 'json_object' };
	if (options.logitBias !== undefined) body.logit_bias = logitBiasOf(options.logitBias);
	Object.assign(body, bodyFromOptions(options, failOption));

	const timeoutSeconds =
		options.timeout === undefined
			? DEFAULT_TIMEOUT_SECONDS
			: checkedNumber({ option: 'timeout', apiField: '', displayName: 'Timeout (Seconds)', min: 1 }, options.timeout);
	const maxRetries =
		options.maxRetries === undefined
			? DEFAULT_MAX_RETRIES
			: checkedNumber({ option: 'maxRetries', apiField: '', displayName: 'Max Retries', min: 0, max: 10, integer: true }, options.maxRetries);
	let modelWithSuffixes = modelId;
	if (options.contextMemory === true) {
		const days =
			options.contextMemoryDays === undefined
				? undefined
				: checkedNumber({ option: 'contextMemoryDays', apiField: '', displayName: 'Context Memory Days', min: 1, max: 365, integer: true }, options.contextMemoryDays);
		modelWithSuffixes = withMemorySuffix(modelId, days);
	}
	return {
		model: modelWithSuffixes,
		body,
		parallelToolCalls: typeof options.parallelToolCalls === 'boolean' ? options.parallelToolCalls : undefined,
		timeoutMs: Math.round(timeoutSeconds * 1000),
		maxRetries,
	};
}
