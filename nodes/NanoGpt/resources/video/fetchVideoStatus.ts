import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { NodeApiError } from 'n8n-workflow';

import { tryCallNanoGpt } from '../../../shared/connection';
import { nanoGptApiError, parseNanoGptError, redactSecrets, withJobId, type NanoGptErrorDetails } from '../../../shared/errors';
import { normalizeVideoStatus, type VideoStatus } from './videoStatus';

/** Statuses of a status check that mean "ask again later", not "the job is gone". */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The error for a 404 of the status route: it names the request ID that was looked for, and carries it. */
export function unknownVideoError(context: IExecuteSingleFunctions, details: NanoGptErrorDetails, requestId: string): NodeApiError {
	const error = withJobId(nanoGptApiError(context.getNode(), details), requestId);
	error.message = `NanoGPT has no video with the request ID "${requestId}": ${details.message}`;
	error.description = `Check the request ID (Video > Generate returns it as "requestId" or "runId"; IDs look like vid_...) and that the credential's API key is the one that started the video.`;
	return error;
}

export type StatusCheck = { ok: true; status: VideoStatus } | { ok: false; transient: true; problem: string };

/**
 * One GET /video/status?requestId= with the node's credential. Rate limits, server errors and dropped
 * connections are reported as transient (the caller keeps polling); other error statuses throw NanoGPT's error.
 */
export async function fetchVideoStatus(
	context: IExecuteSingleFunctions,
	requestId: string,
	timeoutMs: number,
): Promise<StatusCheck> {
	const outcome = await tryCallNanoGpt(context, {
		method: 'GET',
		url: '/video/status',
		qs: { requestId },
		headers: { Accept: 'application/json' },
		json: true,
		timeoutMs,
		signal: context.getExecutionCancelSignal?.(),
	});
	if ('error' in outcome) {
		if (outcome.final) throw withJobId(outcome.error, requestId);
		return { ok: false, transient: true, problem: `the status check failed (${redactSecrets(outcome.error.message)})` };
	}
	const response = outcome.response;
	if (response.statusCode >= 400) {
		const details = parseNanoGptError(response.statusCode, response.body, response.headers);
		if (TRANSIENT_STATUSES.has(response.statusCode)) {
			return { ok: false, transient: true, problem: `the status check answered HTTP ${details.status}: ${details.message}` };
		}
		if (response.statusCode === 404) throw unknownVideoError(context, details, requestId);
		throw withJobId(nanoGptApiError(context.getNode(), details), requestId);
	}
	const body = response.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, transient: true, problem: 'the status check did not answer with a JSON object' };
	}
	return { ok: true, status: normalizeVideoStatus(body as IDataObject, requestId) };
}
