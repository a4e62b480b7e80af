// The sub-node's HTTP: one POST /v1/embeddings with the credential, the timeout and per-call retries. Kept in this one
// file so it can be pointed at the package's shared transport policy.
import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, normalizeBaseUrl } from '../NanoGpt/shared/constants';
import { nanoGptApiError, parseNanoGptError } from '../NanoGpt/shared/errors';
import { retryDelayMs } from '../NanoGpt/shared/transport';

const EMBEDDINGS_PATH = '/v1/embeddings';
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const NEVER_RETRIED_CODES = new Set(['daily_rpd_limit_exceeded', 'daily_usd_limit_exceeded']);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const MAX_TOTAL_RETRY_WAIT_MS = 120_000;

interface Attempt {
	body?: unknown;
	error?: Error;
	retryable?: boolean;
	retryAfterMs?: number;
}

function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as IDataObject).code;
		if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
		current = (current as IDataObject).cause;
	}
	const message = (error as Error | undefined)?.message ?? '';
	if (/timeout of \d+ms exceeded|timed? ?out/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	return undefined;
}

/** Sends one embeddings request; retries timeouts, resets, 408, 429 and 5xx. Answered requests are never resent. */
export async function postEmbeddings(
	context: ISupplyDataFunctions,
	body: IDataObject,
	settings: { model: string; timeoutMs: number; maxRetries: number },
): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const signal = context.getExecutionCancelSignal?.();
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		if (signal?.aborted) throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
		const result = await attemptOnce(context, normalizeBaseUrl(credentials.baseUrl), body, settings, signal);
		if (!result.error) {
			const answer = typeof result.body === 'string' ? safeJson(result.body) : result.body;
			if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
				throw new NodeOperationError(context.getNode(), 'NanoGPT answered with something other than a JSON object', {
					description: 'Check the credential Base URL: it must point to the NanoGPT API (https://nano-gpt.com/api).',
				});
			}
			return answer as IDataObject;
		}
		if (!result.retryable || attempt >= settings.maxRetries) throw result.error;
		const delay = retryDelayMs(attempt, result.retryAfterMs);
		if (waited + delay > MAX_TOTAL_RETRY_WAIT_MS) throw result.error;
		for (let remaining = delay; remaining > 0; remaining -= 500) {
			if (signal?.aborted) throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
			await sleep(Math.min(remaining, 500));
		}
		waited += delay;
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

async function attemptOnce(
	context: ISupplyDataFunctions,
	baseURL: string,
	body: IDataObject,
	settings: { model: string; timeoutMs: number },
	signal?: AbortSignal,
): Promise<Attempt> {
	let response: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'POST',
			baseURL,
			url: EMBEDDINGS_PATH,
			body,
			json: true,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: settings.timeoutMs,
			...(signal ? { abortSignal: signal } : {}),
		})) as typeof response;
	} catch (error) {
		if (signal?.aborted) return { error: new NodeOperationError(context.getNode(), 'The execution was cancelled'), retryable: false };
		const code = networkCode(error);
		if (code && TRANSIENT_NETWORK_CODES.has(code)) {
			const timedOut = code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT';
			const message = timedOut
				? `NanoGPT did not answer within ${Math.round(settings.timeoutMs / 1000)} seconds`
				: 'The connection to NanoGPT failed';
			const description = timedOut
				? 'Raise the Timeout option of the NanoGPT Embeddings node, or lower its Batch Size.'
				: 'Check the network and the credential Base URL. The request was retried before giving up.';
			return { error: new NodeApiError(context.getNode(), { message, code }, { message, description }), retryable: true };
		}
		return { error: new NodeOperationError(context.getNode(), (error as Error | undefined)?.message ?? String(error)), retryable: false };
	}
	if (response.statusCode < 400) return { body: response.body };
	const details = parseNanoGptError(response.statusCode, response.body, response.headers);
	return {
		error: nanoGptApiError(context.getNode(), details, { model: settings.model }),
		retryable: RETRYABLE_STATUSES.has(details.status) && !NEVER_RETRIED_CODES.has(String(details.code)),
		retryAfterMs: details.retryAfterMs,
	};
}
