import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { detailsOf, nanoGptApiError, parseNanoGptError } from './errors';
import type { Turn } from './pacing';
import { sendScheduleFor } from './pacing';
import { readRequestSettings } from './requestSettings';

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const NEVER_RETRIED_CODES = new Set(['daily_rpd_limit_exceeded', 'daily_usd_limit_exceeded']);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
/** Plain words for network codes (n8n rewrites messages that contain the raw code). */
const NETWORK_FAILURE_WORDS: Record<string, string> = {
	ECONNRESET: 'connection reset',
	ECONNREFUSED: 'connection refused',
	EPIPE: 'connection closed',
	EAI_AGAIN: 'DNS lookup failed',
	ENETUNREACH: 'network unreachable',
	EHOSTUNREACH: 'host unreachable',
	UND_ERR_SOCKET: 'connection closed',
};
const BASE_DELAY_MS = 1000;
const MAX_SINGLE_DELAY_MS = 30_000;

/** The model the node was asked to use, for error messages. */
export function selectedModel(context: IExecuteSingleFunctions): string | undefined {
	try {
		const model = context.getNodeParameter('model', '', { extractValue: true });
		return typeof model === 'string' && model !== '' ? model : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Item contexts whose request NanoGPT has answered successfully. Whatever fails after that (polling a job,
 * downloading a file, parsing the answer) must not send the request again: it was accepted and billed.
 */
const answeredItems = new WeakSet<object>();

function requestWasAnswered(context: object): boolean {
	return answeredItems.has(context) || answeredItems.has(Object.getPrototypeOf(context) as object);
}

/** postReceive: turns any 4xx/5xx answer into a NodeApiError in NanoGPT's words. */
export async function throwOnErrorStatus(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) {
		answeredItems.add(this);
		return items;
	}
	const details = parseNanoGptError(response.statusCode, response.body, response.headers);
	throw nanoGptApiError(this.getNode(), details, { model: selectedModel(this) });
}

function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as IDataObject).code;
		if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
		current = (current as IDataObject).cause;
	}
	// Only n8n's wrapped transport errors are read by message: a node error saying "timed out" (a failed
	// video job, for example) must never cause a billed request to be sent again.
	if (error instanceof NodeOperationError) return undefined;
	const message = (error as Error | undefined)?.message ?? '';
	if (/timeout of \d+ms exceeded|timed? ?out/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up|ECONNRESET/i.test(message)) return 'ECONNRESET';
	return undefined;
}

interface ClassifiedFailure {
	error: Error;
	retryable: boolean;
	retryAfterMs?: number;
}

/** Decides whether a failed attempt may be sent again, and replaces transport errors by clean ones. */
function classifyFailure(
	context: IExecuteSingleFunctions,
	error: unknown,
	timeoutMs: number,
): ClassifiedFailure {
	if (requestWasAnswered(context)) {
		return { error: error instanceof Error ? error : new NodeOperationError(context.getNode(), String(error)), retryable: false };
	}
	const details = detailsOf(error);
	if (details) {
		const code = ((error as { context?: IDataObject }).context?.nanoGpt as IDataObject | undefined)?.code;
		return {
			error: error as Error,
			retryable: RETRYABLE_STATUSES.has(details.status) && !NEVER_RETRIED_CODES.has(String(code)),
			retryAfterMs: details.retryAfterMs,
		};
	}
	const code = networkCode(error);
	if (code && TRANSIENT_NETWORK_CODES.has(code)) {
		const timedOut = code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT';
		const message = timedOut
			? `NanoGPT did not answer within ${Math.round(timeoutMs / 1000)} seconds`
			: `The connection to NanoGPT failed (${NETWORK_FAILURE_WORDS[code] ?? 'network error'})`;
		const description = timedOut
			? 'Long generations can take a while: raise Timeout under Retries and Timeout.'
			: 'Check the network and the credential Base URL. The node retried the request before giving up.';
		return {
			error: new NodeApiError(
				context.getNode(),
				{ message, networkCode: code },
				{ message, description, httpCode: timedOut ? '408' : undefined },
			),
			retryable: true,
		};
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		return { error, retryable: false };
	}
	const message = (error as Error | undefined)?.message ?? String(error);
	return { error: new NodeOperationError(context.getNode(), message), retryable: false };
}

/** Exponential backoff with jitter; a Retry-After from NanoGPT wins. */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random = Math.random): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const exponential = Math.min(MAX_SINGLE_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Sleeps in short steps so a cancelled execution stops waiting promptly. */
export async function waitUnlessCancelled(context: IExecuteSingleFunctions, ms: number): Promise<void> {
	const signal = context.getExecutionCancelSignal?.();
	let remaining = ms;
	while (remaining > 0) {
		if (signal?.aborted) throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
		const step = Math.min(remaining, 500);
		await sleep(step);
		remaining -= step;
	}
	if (signal?.aborted) throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
}

/** Holds a request until the run's pacing (Max Requests per Second) lets it start; 0 or less means no pacing. */
async function waitForSendSlot(context: IExecuteSingleFunctions, requestsPerSecond: number): Promise<Turn | undefined> {
	if (!(requestsPerSecond > 0)) return undefined;
	const schedule = await sendScheduleFor(context, requestsPerSecond);
	return await schedule.take(async (ms) => await waitUnlessCancelled(context, ms));
}

/**
 * requestOperations.pagination: sends one item's request and retries only that item on timeouts,
 * connection resets, 408, 429 and 5xx, up to the user's limits. Successful items are never re-sent.
 * Every attempt, retries included, waits for its turn in the run's pacing first; that wait does not
 * count towards Max Total Retry Wait.
 */
export async function sendWithRetries(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const settings = readRequestSettings(this);
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		const turn = await waitForSendSlot(this, settings.maxRequestsPerSecond);
		try {
			const items = await this.makeRoutingRequest(requestData);
			turn?.succeeded();
			return items;
		} catch (error) {
			if (detailsOf(error)?.status === 429) turn?.rateLimited();
			const failure = classifyFailure(this, error, settings.timeoutMs);
			if (!failure.retryable || attempt >= settings.maxRetries) throw failure.error;
			const delay = retryDelayMs(attempt, failure.retryAfterMs);
			if (waited + delay > settings.maxRetryWaitMs) throw failure.error;
			await waitUnlessCancelled(this, delay);
			waited += delay;
		}
	}
}
