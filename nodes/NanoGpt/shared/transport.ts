import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { requestNanoGpt } from '../../shared/nanoGptHttp';
import { isRetryableAnswer, retryDelayAfter, retryDelayMs } from '../../shared/transportPolicy';
import { isRetryableFailure, type Connection } from '../../shared/connection';
import { detailsOf, nanoGptApiError, parseNanoGptError } from '../../shared/errors';
import { sharedSchedule, type Turn } from './pacing';
import type { RequestSettings } from './requestSettings';

export { retryDelayAfter, retryDelayMs };

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
 * postReceive that every operation starts with: any 4xx/5xx answer becomes a NodeApiError in NanoGPT's words.
 * It is also the line between "not answered yet" and "answered": the execution path retries failures up to
 * and including this step, and never sends an item again once an answer has passed it (it was billed).
 */
export async function throwOnErrorStatus(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	const details = parseNanoGptError(response.statusCode, response.body, response.headers);
	throw nanoGptApiError(this.getNode(), details, { model: selectedModel(this) });
}

/** Sleeps in short steps so a cancelled execution stops waiting promptly. */
export async function waitUnlessCancelled(context: Pick<IExecuteSingleFunctions, 'getNode' | 'getExecutionCancelSignal'>, ms: number): Promise<void> {
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

/**
 * Holds a request until the pace shared by every run with this key and Base URL (Max Requests per Second,
 * adapting to 429s) lets it start; 0 or less means no pacing. The turn reports the answer back to the pace.
 */
async function waitForSendSlot(context: IExecuteSingleFunctions, connection: Connection, requestsPerSecond: number): Promise<Turn | undefined> {
	if (!(requestsPerSecond > 0)) return undefined;
	const schedule = sharedSchedule(String(connection.credentials.apiKey ?? ''), connection.endpoint.baseUrl, requestsPerSecond);
	return await schedule.take(async (ms) => await waitUnlessCancelled(context, ms));
}

/** Runs postReceive actions in order, each on the previous action's output. */
export async function runPostReceive(
	context: IExecuteSingleFunctions,
	actions: Array<(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) => Promise<INodeExecutionData[]>>,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let current = items;
	for (const action of actions) current = await action.call(context, current, response);
	return current;
}

export type ReceiveAction = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

/**
 * With `encoding: 'stream'`, the media types the request accepts (its Accept header, JSON and text aside, plus
 * application/octet-stream) stay streams; errors and JSON answers are read into memory (they are small).
 */
function streamedTypesOf(requestOptions: IHttpRequestOptions): string[] {
	const headers = (requestOptions.headers ?? {}) as Record<string, unknown>;
	const accept = String(Object.entries(headers).find(([name]) => name.toLowerCase() === 'accept')?.[1] ?? '');
	const media = accept
		.split(',')
		.map((entry) => entry.split(';')[0].trim().toLowerCase())
		.filter((type) => type !== '' && !type.includes('json') && !type.startsWith('text/') && type !== '*/*')
		.map((type) => (type.endsWith('/*') ? type.slice(0, -1) : type));
	return [...media, 'application/octet-stream'];
}

/**
 * Sends one item's request and retries only that item on timeouts, connection resets, 408, 429 and 5xx, up to
 * the user's limits. `untilAnswered` are the postReceive steps up to the status check: a failure there may be
 * retried; once they pass, the answer is final and the item is never sent again (it was accepted and billed).
 * Every attempt, retries included, waits for its turn in the run's pacing first; that wait does not count
 * towards Max Total Retry Wait.
 */
export async function sendWithRetries(
	context: IExecuteSingleFunctions,
	connection: Connection,
	requestOptions: IHttpRequestOptions,
	settings: RequestSettings,
	untilAnswered: ReceiveAction[],
): Promise<{ items: INodeExecutionData[]; response: IN8nHttpFullResponse }> {
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		const turn = await waitForSendSlot(context, connection, settings.maxRequestsPerSecond);
		let failure: { error: Error; retryable: boolean; status?: number; retryAfterMs?: number };
		try {
			const response = await requestNanoGpt(
				context,
				connection.endpoint,
				{
					method: requestOptions.method ?? 'GET',
					url: requestOptions.url,
					qs: requestOptions.qs,
					body: requestOptions.body,
					headers: requestOptions.headers,
					json: requestOptions.json,
					encoding: requestOptions.encoding,
					streamTypes: requestOptions.encoding === 'stream' ? streamedTypesOf(requestOptions) : undefined,
					timeoutMs: requestOptions.timeout ?? settings.timeoutMs,
					signal: context.getExecutionCancelSignal?.(),
				},
				connection.credentials,
			);
			const full = response as IN8nHttpFullResponse;
			try {
				const items = await runPostReceive(context, untilAnswered, [{ json: response.body as never }], full);
				turn?.succeeded();
				return { items, response: full };
			} catch (error) {
				const details = detailsOf(error);
				if (details?.status === 429) turn?.rateLimited();
				const code = ((error as { context?: { nanoGpt?: { code?: string } } }).context?.nanoGpt?.code);
				failure = {
					error: error as Error,
					retryable: details !== undefined && isRetryableAnswer(details.status, code),
					status: details?.status,
					retryAfterMs: details?.retryAfterMs,
				};
			}
		} catch (error) {
			failure = { error: error as Error, retryable: isRetryableFailure(error) };
		}
		if (!failure.retryable || attempt >= settings.maxRetries) throw failure.error;
		const delay = retryDelayAfter(attempt, { status: failure.status, retryAfterMs: failure.retryAfterMs, paced: turn !== undefined });
		if (waited + delay > settings.maxRetryWaitMs) throw failure.error;
		await waitUnlessCancelled(context, delay);
		waited += delay;
	}
}
