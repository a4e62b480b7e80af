/**
 * The transport policy both NanoGPT nodes follow: which answers and which network faults may be sent again,
 * how long to wait before the next attempt, and the plain words a user reads for each fault.
 */

/** HTTP statuses worth another attempt: NanoGPT is busy, rate-limited or had a temporary failure. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Error codes that look retryable by status but are not: the key's daily limits reset only at 00:00 UTC. */
export const NEVER_RETRIED_CODES: ReadonlySet<string> = new Set(['daily_rpd_limit_exceeded', 'daily_usd_limit_exceeded']);

export function isRetryableAnswer(status: number, code?: string): boolean {
	return RETRYABLE_STATUSES.has(status) && !NEVER_RETRIED_CODES.has(String(code));
}

const BASE_DELAY_MS = 1000;
const MAX_SINGLE_DELAY_MS = 30_000;

/**
 * Exponential backoff with full jitter over the upper half of the window, so items that failed together do not
 * come back together; a Retry-After from NanoGPT wins.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random = Math.random): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const exponential = Math.min(MAX_SINGLE_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(exponential / 2 + random() * (exponential / 2));
}

/**
 * A 429 answered to a paced request (Max Requests per Second above 0) waits half the usual backoff before it joins
 * the pace again: the pace has already slowed down for it, and a longer wait only leaves its slot unused (the last
 * items of a run sat out up to 4 seconds with nothing else to send). A Retry-After from NanoGPT still wins.
 */
export const PACED_RATE_LIMIT_BACKOFF_SHARE = 0.5;

export function retryDelayAfter(
	attempt: number,
	answer: { status?: number; retryAfterMs?: number; paced: boolean },
	random = Math.random,
): number {
	const delay = retryDelayMs(attempt, answer.retryAfterMs, random);
	if (answer.retryAfterMs !== undefined || answer.status !== 429 || !answer.paced) return delay;
	return Math.round(delay * PACED_RATE_LIMIT_BACKOFF_SHARE);
}

export type TransportFaultKind =
	| 'timeout'
	| 'reset'
	| 'refused'
	| 'dns'
	| 'unreachable'
	| 'notHttp'
	| 'corruptBody'
	| 'tls'
	| 'unknown';

/** A request that got no usable HTTP answer, in words a user can act on. */
export interface TransportFault {
	kind: TransportFaultKind;
	/** Whether the same request may be sent again (the server cannot have finished it). */
	retryable: boolean;
	message: string;
	description: string;
	/** The low-level code, for logs and tests (never shown raw in the message). */
	code?: string;
}

const CODE_KINDS: Record<string, TransportFaultKind> = {
	ECONNRESET: 'reset',
	EPIPE: 'reset',
	UND_ERR_SOCKET: 'reset',
	ERR_BAD_RESPONSE: 'reset',
	ECONNABORTED: 'timeout',
	ETIMEDOUT: 'timeout',
	ESOCKETTIMEDOUT: 'timeout',
	ERR_SOCKET_CONNECTION_TIMEOUT: 'timeout',
	ECONNREFUSED: 'refused',
	EAI_AGAIN: 'dns',
	ENOTFOUND: 'dns',
	ENETUNREACH: 'unreachable',
	EHOSTUNREACH: 'unreachable',
	Z_DATA_ERROR: 'corruptBody',
	Z_BUF_ERROR: 'corruptBody',
	ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
	SELF_SIGNED_CERT_IN_CHAIN: 'tls',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
	CERT_HAS_EXPIRED: 'tls',
	EPROTO: 'tls',
};

interface ErrorLike {
	code?: unknown;
	message?: unknown;
	cause?: unknown;
}

/** Codes and messages along an error's cause chain (n8n wraps transport errors once or twice). */
function chainOf(error: unknown): Array<{ code?: string; message: string }> {
	const chain: Array<{ code?: string; message: string }> = [];
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const { code, message, cause } = current as ErrorLike;
		chain.push({ code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : '' });
		current = cause;
	}
	return chain;
}

function kindOf(error: unknown): { kind: TransportFaultKind; code?: string } {
	const chain = chainOf(error);
	for (const { code } of chain) {
		if (code?.startsWith('HPE_')) return { kind: 'notHttp', code };
		if (code && CODE_KINDS[code]) return { kind: CODE_KINDS[code], code };
	}
	for (const { message } of chain) {
		if (/stream has been aborted|socket hang up|aborted/i.test(message)) return { kind: 'reset', code: 'ECONNRESET' };
		if (/timeout of \d+ms exceeded|timed? ?out/i.test(message)) return { kind: 'timeout', code: 'ETIMEDOUT' };
		if (/Parse Error/i.test(message)) return { kind: 'notHttp', code: 'HPE' };
		if (/incorrect header check|unexpected end of file|invalid (block|stored block|distance)/i.test(message)) {
			return { kind: 'corruptBody', code: 'Z_DATA_ERROR' };
		}
	}
	return { kind: 'unknown' };
}

const WORDS: Record<TransportFaultKind, { message: string; description: string; retryable: boolean }> = {
	timeout: { message: '', description: '', retryable: true },
	reset: {
		message: 'The connection to {what} was reset before the answer was complete',
		description: 'This is usually a brief network or proxy problem. The node tried again before giving up; run it again later.',
		retryable: true,
	},
	refused: {
		message: 'The connection to {what} was refused',
		description: 'Nothing answered at the credential Base URL. Check the Base URL (normally https://nano-gpt.com/api) and the network.',
		retryable: true,
	},
	dns: {
		message: 'The host name of {what} could not be resolved',
		description: 'Check the host in the credential Base URL (normally https://nano-gpt.com/api) and this machine\'s DNS settings.',
		retryable: true,
	},
	unreachable: {
		message: 'The network could not reach {what}',
		description: 'Check this machine\'s network connection and any proxy or firewall between n8n and NanoGPT.',
		retryable: true,
	},
	notHttp: {
		message: 'The server at the credential Base URL did not answer in HTTP',
		description: 'The Base URL points to something that is not a web server (a wrong port, or http:// where https:// is needed). Use https://nano-gpt.com/api.',
		retryable: false,
	},
	corruptBody: {
		message: 'The answer of {what} could not be decoded (a damaged compressed body)',
		description: 'A proxy between n8n and NanoGPT may be altering answers. The request reached NanoGPT and may have been billed, so it was not sent again; check the Base URL and proxy.',
		retryable: false,
	},
	tls: {
		message: 'The secure connection to {what} could not be established (certificate problem)',
		description: 'The server at the Base URL presented a certificate this machine does not trust. Use https://nano-gpt.com/api, or fix the proxy\'s certificate.',
		retryable: false,
	},
	unknown: {
		message: 'The request to {what} failed before an answer arrived',
		description: 'Check the network and the credential Base URL (normally https://nano-gpt.com/api).',
		retryable: false,
	},
};

function secondsText(ms: number): string {
	const seconds = Math.max(1, Math.round(ms / 1000));
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/**
 * Describes a request that failed without an HTTP answer. `deadlineExceeded` is true when the node's own
 * deadline (Timeout) aborted the attempt; `timeoutAdvice` says where the user raises it.
 */
export function describeTransportFault(
	error: unknown,
	options: { timeoutMs: number; deadlineExceeded?: boolean; what?: string; timeoutAdvice?: string },
): TransportFault {
	const what = options.what ?? 'NanoGPT';
	const { kind, code } = options.deadlineExceeded ? { kind: 'timeout' as const, code: 'ETIMEDOUT' } : kindOf(error);
	if (kind === 'timeout') {
		return {
			kind,
			code,
			retryable: true,
			message: `${what} did not answer within ${secondsText(options.timeoutMs)}`,
			description: `The whole request (connecting, waiting and receiving the answer) is limited by Timeout. Long generations can take a while: ${options.timeoutAdvice ?? 'raise Timeout under Retries and Timeout'}.`,
		};
	}
	const words = WORDS[kind];
	return {
		kind,
		code,
		retryable: words.retryable,
		message: words.message.replace('{what}', what),
		description: words.description,
	};
}
