import type { IDataObject } from 'n8n-workflow';

/** NanoGPT embeds at most 2,048 texts per request. */
export const MAX_BATCH_SIZE = 2048;
export const DEFAULT_BATCH_SIZE = 512;
export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_MAX_RETRIES = 2;

/** Everything the embeddings object needs from the node parameters, already checked. */
export interface EmbeddingsSettings {
	model: string;
	dimensions?: number;
	batchSize: number;
	timeoutMs: number;
	maxRetries: number;
}

/** A user mistake in the parameters; the node turns it into a NodeOperationError. */
export class InvalidEmbeddingsOption extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

function wholeNumber(raw: unknown, displayName: string, min: number, max?: number): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const range = max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
	if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
		throw new InvalidEmbeddingsOption(`The option "${displayName}" is not valid`, `It is ${JSON.stringify(raw)}; use ${range}.`);
	}
	return value;
}

function positiveNumber(raw: unknown, displayName: string): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
		throw new InvalidEmbeddingsOption(`The option "${displayName}" is not valid`, `It is ${JSON.stringify(raw)}; use a number of seconds above 0.`);
	}
	return value;
}

/** Turns the Model and Options parameters into checked settings. */
export function embeddingsSettings(model: unknown, options: IDataObject): EmbeddingsSettings {
	const modelId = typeof model === 'string' ? model.trim() : '';
	if (modelId === '') {
		throw new InvalidEmbeddingsOption('No embedding model selected', 'Pick a model from the list or enter a NanoGPT embedding model ID, for example text-embedding-3-small.');
	}
	return {
		model: modelId,
		...(options.dimensions !== undefined ? { dimensions: wholeNumber(options.dimensions, 'Dimensions', 1) } : {}),
		batchSize: options.batchSize === undefined ? DEFAULT_BATCH_SIZE : wholeNumber(options.batchSize, 'Batch Size', 1, MAX_BATCH_SIZE),
		timeoutMs: Math.round((options.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : positiveNumber(options.timeout, 'Timeout (Seconds)')) * 1000),
		maxRetries: options.maxRetries === undefined ? DEFAULT_MAX_RETRIES : wholeNumber(options.maxRetries, 'Max Retries', 0, 10),
	};
}
