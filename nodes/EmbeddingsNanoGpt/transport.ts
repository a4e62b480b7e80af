// The sub-node's HTTP: POST /v1/embeddings through the package's shared transport (the credential's origin only,
// Timeout as a deadline) and the shared retry policy, per call. Answered requests are never sent again.
import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { connectionOf, isRetryableFailure } from '../shared/connection';
import { nanoGptApiError, parseNanoGptError } from '../shared/errors';
import { requestNanoGpt } from '../shared/nanoGptHttp';
import { isRetryableAnswer, retryDelayMs } from '../shared/transportPolicy';

const EMBEDDINGS_PATH = '/v1/embeddings';
const MAX_TOTAL_RETRY_WAIT_MS = 120_000;
const TIMEOUT_ADVICE = 'raise the Timeout option of the NanoGPT Embeddings node, or lower its Batch Size';

interface Attempt {
	body?: unknown;
	error?: Error;
	retryable?: boolean;
	retryAfterMs?: number;
}

function cancelled(context: ISupplyDataFunctions): NodeOperationError {
	return new NodeOperationError(context.getNode(), 'The execution was cancelled');
}

/** Sends one embeddings request; retries what the shared policy retries (timeouts, resets, 408, 429, 5xx). */
export async function postEmbeddings(
	context: ISupplyDataFunctions,
	body: IDataObject,
	settings: { model: string; timeoutMs: number; maxRetries: number },
): Promise<IDataObject> {
	const signal = context.getExecutionCancelSignal?.();
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		if (signal?.aborted) throw cancelled(context);
		const result = await attemptOnce(context, body, settings, signal);
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
			if (signal?.aborted) throw cancelled(context);
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
	body: IDataObject,
	settings: { model: string; timeoutMs: number },
	signal?: AbortSignal,
): Promise<Attempt> {
	const connection = await connectionOf(context);
	let response: { statusCode: number; headers: IDataObject; body: unknown };
	try {
		response = await requestNanoGpt(
			context,
			connection.endpoint,
			{
				method: 'POST',
				url: EMBEDDINGS_PATH,
				body,
				json: true,
				headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
				timeoutMs: settings.timeoutMs,
				signal,
			},
			connection.credentials,
			{ timeoutAdvice: TIMEOUT_ADVICE },
		);
	} catch (error) {
		return { error: error as Error, retryable: isRetryableFailure(error) };
	}
	if (response.statusCode < 400) return { body: response.body };
	const details = parseNanoGptError(response.statusCode, response.body, response.headers);
	return {
		error: nanoGptApiError(context.getNode(), details, { model: settings.model }),
		retryable: isRetryableAnswer(details.status, details.code),
		retryAfterMs: details.retryAfterMs,
	};
}
