import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { connectionOf, isRetryableFailure } from '../../shared/connection';
import { nanoGptApiError, parseNanoGptError } from '../../shared/errors';
import { requestNanoGpt } from '../../shared/nanoGptHttp';
import { isRetryableAnswer, retryDelayMs } from '../../shared/transportPolicy';
import type { ChatModelSettings } from '../settings';

const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';
/** Longest total wait between retries of one model call. */
const MAX_TOTAL_RETRY_WAIT_MS = 120_000;
const TIMEOUT_ADVICE = 'raise the Timeout option of the NanoGPT Chat Model';

interface Failure {
	error: Error;
	retryable: boolean;
	retryAfterMs?: number;
}

async function readStreamText(body: unknown): Promise<unknown> {
	if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends chat completion requests for the model with the shared transport (the credential's origin only,
 * Timeout as a deadline) and the shared retry policy, per model call.
 */
export class NanoGptTransport {
	constructor(
		private readonly context: ISupplyDataFunctions,
		private readonly settings: ChatModelSettings,
	) {}

	/** A non-streamed completion: the parsed JSON body. */
	async complete(body: IDataObject, signal?: AbortSignal): Promise<IDataObject> {
		const response = await this.send(body, false, signal);
		const parsed = typeof response === 'string' ? this.parseJson(response) : response;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(this.context.getNode(), 'NanoGPT answered with something other than a JSON object', {
				description: 'Check the credential Base URL: it must point to the NanoGPT API (https://nano-gpt.com/api).',
			});
		}
		return parsed as IDataObject;
	}

	/** A streamed completion: the raw SSE body (retries happen only before the stream starts). */
	async openStream(body: IDataObject, signal?: AbortSignal): Promise<AsyncIterable<Buffer | string>> {
		return (await this.send(body, true, signal)) as AsyncIterable<Buffer | string>;
	}

	private parseJson(text: string): unknown {
		try {
			return JSON.parse(text);
		} catch {
			return undefined;
		}
	}

	private combinedSignal(signal?: AbortSignal): AbortSignal | undefined {
		const signals = [signal, this.context.getExecutionCancelSignal?.()].filter(
			(candidate): candidate is AbortSignal => candidate !== undefined,
		);
		if (signals.length <= 1) return signals[0];
		return AbortSignal.any(signals);
	}

	private throwIfCancelled(signal?: AbortSignal): void {
		if (signal?.aborted) throw new NodeOperationError(this.context.getNode(), 'The execution was cancelled');
	}

	private async send(body: IDataObject, stream: boolean, callerSignal?: AbortSignal): Promise<unknown> {
		const signal = this.combinedSignal(callerSignal);
		let waited = 0;
		for (let attempt = 0; ; attempt++) {
			this.throwIfCancelled(signal);
			const failure = await this.attempt(body, stream, signal);
			if (!('error' in failure)) return failure.body;
			if (!failure.retryable || attempt >= this.settings.maxRetries) throw failure.error;
			const delay = retryDelayMs(attempt, failure.retryAfterMs);
			if (waited + delay > MAX_TOTAL_RETRY_WAIT_MS) throw failure.error;
			await this.wait(delay, signal);
			waited += delay;
		}
	}

	private async wait(ms: number, signal?: AbortSignal): Promise<void> {
		let remaining = ms;
		while (remaining > 0) {
			this.throwIfCancelled(signal);
			const step = Math.min(remaining, 500);
			await sleep(step);
			remaining -= step;
		}
		this.throwIfCancelled(signal);
	}

	private async attempt(body: IDataObject, stream: boolean, signal?: AbortSignal): Promise<Failure | { body: unknown }> {
		const connection = await connectionOf(this.context);
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			response = await requestNanoGpt(
				this.context,
				connection.endpoint,
				{
					method: 'POST',
					url: CHAT_COMPLETIONS_PATH,
					body,
					json: true,
					headers: { Accept: stream ? 'text/event-stream' : 'application/json', 'Content-Type': 'application/json' },
					timeoutMs: this.settings.timeoutMs,
					...(stream ? { encoding: 'stream' as const } : {}),
					signal,
				},
				connection.credentials,
				{ timeoutAdvice: TIMEOUT_ADVICE },
			);
		} catch (error) {
			return { error: error as Error, retryable: isRetryableFailure(error) };
		}
		if (response.statusCode < 400) return { body: response.body };
		const rawBody = stream ? await readStreamText(response.body) : response.body;
		const details = parseNanoGptError(response.statusCode, rawBody, response.headers);
		return {
			error: nanoGptApiError(this.context.getNode(), details, { model: this.settings.model }),
			retryable: isRetryableAnswer(details.status, details.code),
			retryAfterMs: details.retryAfterMs,
		};
	}
}
