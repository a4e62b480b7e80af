import type { IDataObject, IExecuteSingleFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { tryCallNanoGpt } from '../../../shared/connection';
import { nanoGptApiError, parseNanoGptError } from '../../../shared/errors';
import { readRequestSettings } from '../../shared/requestSettings';
import { selectedModel } from '../../shared/transport';

export interface JobSettings {
	intervalMs: number;
	maxWaitMs: number;
}

/** The options that bound the wait for an asynchronous NanoGPT job (added to an operation's Options). */
export function jobWaitOptions(defaultMaxWaitSeconds: number): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until a job NanoGPT runs in the background has finished. Off: return the job ticket (its runId) at once, to check it later with a Get … Job operation.',
		},
		{
			displayName: 'Max Wait for Async Job (Seconds)',
			name: 'maxWait',
			type: 'number',
			default: defaultMaxWaitSeconds,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for a job NanoGPT runs in the background before the node gives up',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 1 },
			description: 'How often to ask NanoGPT whether a background job has finished',
		},
	];
}

/** Whether the operation waits for background jobs (the Wait for Completion option, on unless turned off). */
export function waitsForJobs(context: IExecuteSingleFunctions): boolean {
	return (context.getNodeParameter('options', {}) as IDataObject).waitForCompletion !== false;
}

export function readJobSettings(context: IExecuteSingleFunctions, defaultMaxWaitSeconds: number): JobSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const seconds = (value: unknown, fallback: number, min: number) => {
		const number = Number(value);
		return Number.isFinite(number) && value !== undefined && value !== '' ? Math.max(min, number) : fallback;
	};
	return {
		intervalMs: seconds(options.pollInterval, 3, 1) * 1000,
		maxWaitMs: seconds(options.maxWait, defaultMaxWaitSeconds, 1) * 1000,
	};
}

/**
 * One status request for a background job, authenticated like every node request. Transient failures
 * (network errors, 429, 5xx, a non-JSON answer) return undefined so the caller simply polls again;
 * other NanoGPT errors (404 unknown job, 401...) are thrown in NanoGPT's words.
 */
export async function fetchJobStatus(
	context: IExecuteSingleFunctions,
	request: { method: IHttpRequestMethods; url: string; qs?: IDataObject; body?: IDataObject },
): Promise<IDataObject | undefined> {
	const outcome = await tryCallNanoGpt(context, {
		method: request.method,
		url: request.url,
		...(request.qs ? { qs: request.qs } : {}),
		...(request.body ? { body: request.body } : {}),
		json: true,
		timeoutMs: readRequestSettings(context).timeoutMs,
		signal: context.getExecutionCancelSignal?.(),
	});
	// A redirect away from NanoGPT, a bad Base URL or a cancelled run ends the wait; other faults: poll again.
	if ('error' in outcome) {
		if (outcome.final) throw outcome.error;
		return undefined;
	}
	const response = outcome.response;
	if (response.statusCode === 429 || response.statusCode >= 500) return undefined;
	if (response.statusCode >= 400) {
		throw nanoGptApiError(
			context.getNode(),
			parseNanoGptError(response.statusCode, response.body, response.headers),
			{ model: selectedModel(context) },
		);
	}
	const body = response.body;
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : undefined;
}

/** Job statuses NanoGPT uses for "finished with an error". */
export function isFailedStatus(status: unknown): boolean {
	return ['error', 'failed', 'failure', 'cancelled', 'canceled'].includes(String(status ?? '').toLowerCase());
}

export function isCompletedStatus(status: unknown): boolean {
	return ['completed', 'complete', 'succeeded', 'success', 'done'].includes(String(status ?? '').toLowerCase());
}

/** Copies the defined fields of `source` named in `keys`. */
export function pickDefined(source: IDataObject, keys: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined && source[key] !== null) picked[key] = source[key];
	return picked;
}
