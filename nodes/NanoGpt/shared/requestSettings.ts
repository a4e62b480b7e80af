import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

/** Per-operation timeouts used when the user has not set one (long generations must not be cut at 5 minutes). */
const DEFAULT_TIMEOUT_SECONDS: Record<string, number> = {
	'text.ask': 600,
	'text.complete': 600,
	'image.create': 300,
	'audio.createSpeech': 300,
	'audio.createTranscription': 600,
	'video.generate': 120,
};
const FALLBACK_TIMEOUT_SECONDS = 120;

export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_RETRY_WAIT_SECONDS = 120;
/** NanoGPT's documented rate limit per API key. */
export const DEFAULT_MAX_REQUESTS_PER_SECOND = 25;

export interface RequestSettings {
	/** Pace of this node run's requests, retries included; 0 sends every item at once. */
	maxRequestsPerSecond: number;
	maxRetries: number;
	maxRetryWaitMs: number;
	timeoutMs: number;
}

export const requestSettingsField: INodeProperties = {
	displayName: 'Retries and Timeout',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description:
		'The pace of requests, and retries of failed requests for one item only, so items that already succeeded are never sent (and billed) again',
	options: [
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: DEFAULT_MAX_REQUESTS_PER_SECOND,
			description:
				'Spaces out the requests of this node, retries included, so that no second holds more than this many. NanoGPT allows 25 per second per API key and answers 429 beyond that. 0 sends all items at once.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How often a request that failed with a timeout, a connection reset, a rate limit (429) or a server error (5xx) is sent again. Other errors are never retried.',
		},
		{
			displayName: 'Max Total Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_RETRY_WAIT_SECONDS,
			description:
				'Upper bound on the time spent waiting between retries of one item, including waits asked for by NanoGPT with Retry-After',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 600,
			description:
				'How long to wait for NanoGPT to answer one request. Without this setting: 10 minutes for text and transcription, 5 minutes for images and speech, 2 minutes otherwise.',
		},
	],
};

function clampNumber(value: unknown, fallback: number, min: number, max: number): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return fallback;
	return Math.min(max, Math.max(min, number));
}

function operationKey(context: IExecuteSingleFunctions): string {
	const resource = context.getNodeParameter('resource', '') as string;
	const operation = context.getNodeParameter('operation', '') as string;
	return `${resource}.${operation}`;
}

export function readRequestSettings(context: IExecuteSingleFunctions): RequestSettings {
	const raw = context.getNodeParameter('requestSettings', {}) as IDataObject;
	const defaultTimeout = DEFAULT_TIMEOUT_SECONDS[operationKey(context)] ?? FALLBACK_TIMEOUT_SECONDS;
	return {
		maxRequestsPerSecond: clampNumber(raw.maxRequestsPerSecond, DEFAULT_MAX_REQUESTS_PER_SECOND, 0, 100_000),
		maxRetries: Math.floor(clampNumber(raw.maxRetries, DEFAULT_MAX_RETRIES, 0, 10)),
		maxRetryWaitMs: clampNumber(raw.maxRetryWait, DEFAULT_MAX_RETRY_WAIT_SECONDS, 0, 86_400) * 1000,
		timeoutMs: clampNumber(raw.timeout, defaultTimeout, 1, 86_400) * 1000,
	};
}
