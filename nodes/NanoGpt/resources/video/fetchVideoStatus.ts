import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { tryCallNanoGpt } from '../../../shared/connection';
import { nanoGptApiError, parseNanoGptError } from '../../../shared/errors';
import { normalizeVideoStatus, type VideoStatus } from './videoStatus';

/** Statuses of a status check that mean "ask again later", not "the job is gone". */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

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
		if (outcome.final) throw outcome.error;
		return { ok: false, transient: true, problem: `the status check failed (${outcome.error.message})` };
	}
	const response = outcome.response;
	if (response.statusCode >= 400) {
		const details = parseNanoGptError(response.statusCode, response.body, response.headers);
		if (TRANSIENT_STATUSES.has(response.statusCode)) {
			return { ok: false, transient: true, problem: `the status check answered HTTP ${details.status}: ${details.message}` };
		}
		throw nanoGptApiError(context.getNode(), details);
	}
	const body = response.body;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, transient: true, problem: 'the status check did not answer with a JSON object' };
	}
	return { ok: true, status: normalizeVideoStatus(body as IDataObject, requestId) };
}
