import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, normalizeBaseUrl } from '../../NanoGpt/shared/constants';
import { nanoGptApiError, parseNanoGptError } from '../../NanoGpt/shared/errors';
import { retryDelayMs } from '../../NanoGpt/shared/transport';
import type { ChatModelSettings } from '../settings';

const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';
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
	'UND_ERR_SOCKET',
]);
/** Longest total wait between retries of one model call. */
const MAX_TOTAL_RETRY_WAIT_MS = 120_000;

interface Failure {
	error: Error;
	retryable: boolean;
	retryAfterMs?: number;
}

interface FullResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
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

async function readStreamText(body: unknown): Promise<unknown> {
	if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') return body;
	const chunks: Buffer[] = [];
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Sends chat completion requests for the model, with the node's timeout and per-call retries. */
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
		const credentials = await this.context.getCredentials(CREDENTIAL_TYPE);
		const signal = this.combinedSignal(callerSignal);
		let waited = 0;
		for (let attempt = 0; ; attempt++) {
			this.throwIfCancelled(signal);
			const failure = await this.attempt(normalizeBaseUrl(credentials.baseUrl), body, stream, signal);
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

	private async attempt(
		baseURL: string,
		body: IDataObject,
		stream: boolean,
		signal?: AbortSignal,
	): Promise<Failure | { body: unknown }> {
		let response: FullResponse;
		try {
			response = (await this.context.helpers.httpRequestWithAuthentication.call(this.context, CREDENTIAL_TYPE, {
				method: 'POST',
				baseURL,
				url: CHAT_COMPLETIONS_PATH,
				body,
				json: true,
				headers: { Accept: stream ? 'text/event-stream' : 'application/json', 'Content-Type': 'application/json' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: this.settings.timeoutMs,
				...(stream ? { encoding: 'stream' as const } : {}),
				...(signal ? { abortSignal: signal } : {}),
			})) as FullResponse;
		} catch (error) {
			return this.networkFailure(error, signal);
		}
		if (response.statusCode < 400) return { body: response.body };
		const rawBody = stream ? await readStreamText(response.body) : response.body;
		const details = parseNanoGptError(response.statusCode, rawBody, response.headers);
		return {
			error: nanoGptApiError(this.context.getNode(), details, { model: this.settings.model }),
			retryable: RETRYABLE_STATUSES.has(details.status) && !NEVER_RETRIED_CODES.has(String(details.code)),
			retryAfterMs: details.retryAfterMs,
		};
	}

	private networkFailure(error: unknown, signal?: AbortSignal): Failure {
		if (signal?.aborted) {
			return { error: new NodeOperationError(this.context.getNode(), 'The execution was cancelled'), retryable: false };
		}
		const code = networkCode(error);
		if (code && TRANSIENT_NETWORK_CODES.has(code)) {
			const timedOut = code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT';
			const message = timedOut
				? `NanoGPT did not answer within ${Math.round(this.settings.timeoutMs / 1000)} seconds`
				: `The connection to NanoGPT failed (${code})`;
			const description = timedOut
				? 'Long generations can take a while: raise the Timeout option of the NanoGPT Chat Model.'
				: 'Check the network and the credential Base URL. The request was retried before giving up.';
			return {
				error: new NodeApiError(this.context.getNode(), { message, code }, { message, description }),
				retryable: true,
			};
		}
		const message = (error as Error | undefined)?.message ?? String(error);
		return { error: new NodeOperationError(this.context.getNode(), message), retryable: false };
	}
}
