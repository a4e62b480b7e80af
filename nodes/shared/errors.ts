import type { IDataObject, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What NanoGPT said about a failed request, whatever shape the body had. */
export interface NanoGptErrorDetails {
	status: number;
	message: string;
	code?: string;
	type?: string;
	param?: string;
	requestId?: string;
	requiredBalance?: number;
	retryAfterMs?: number;
}

const STATUS_TITLES: Record<number, string> = {
	400: 'NanoGPT rejected the request',
	401: 'NanoGPT did not accept the API key',
	402: 'Insufficient NanoGPT balance',
	403: 'NanoGPT refused access',
	404: 'NanoGPT could not find what was requested',
	408: 'NanoGPT timed out',
	409: 'NanoGPT reported a conflict',
	413: 'The request is too large for NanoGPT',
	429: 'NanoGPT rate limit reached',
	500: 'NanoGPT had an internal error',
	501: 'NanoGPT does not implement this for the model',
	502: 'NanoGPT had an upstream error',
	503: 'NanoGPT is temporarily unavailable',
	504: 'NanoGPT timed out',
};

function asString(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

function header(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return asString(Array.isArray(value) ? value[0] : value);
}

/** Retry-After as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

const SECRET_PATTERNS: RegExp[] = [
	/sk-nano-[A-Za-z0-9_-]+/g,
	/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi,
	/("?(?:x-api-key|authorization|api[_-]?key)"?\s*[:=]\s*"?)[^",}\s]+/gi,
	/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
];

/** Removes anything that looks like a NanoGPT key (sk-nano-..., legacy UUID keys, auth headers) from text. */
export function redactSecrets(text: string, extraSecrets: string[] = []): string {
	const withoutKeys = extraSecrets.reduce(
		(result, secret) => (secret.length >= 8 ? result.split(secret).join('[redacted]') : result),
		text,
	);
	return SECRET_PATTERNS.reduce(
		(result, pattern) =>
			result.replace(pattern, (match: string, prefix?: string) =>
				typeof prefix === 'string' && /[:=]/.test(prefix) ? `${prefix}[redacted]` : '[redacted]',
			),
		withoutKeys,
	);
}

function decodeBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) return decodeBody(body.toString('utf8'));
	if (body instanceof ArrayBuffer) return decodeBody(Buffer.from(body).toString('utf8'));
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return text;
}

function textOfNonJsonBody(text: string): string | undefined {
	if (text === '') return undefined;
	if (/^\s*</.test(text)) {
		const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
		return title ? `NanoGPT answered with an HTML page ("${title}")` : 'NanoGPT answered with an HTML page';
	}
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Reads the three documented error shapes (OpenAI-style, legacy, bare) and non-JSON bodies. */
export function parseNanoGptError(
	status: number,
	rawBody: unknown,
	headers?: IDataObject,
): NanoGptErrorDetails {
	const body = decodeBody(rawBody);
	const details: NanoGptErrorDetails = { status, message: '' };
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const data = body as IDataObject;
		const nested = data.error;
		if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
			const error = nested as IDataObject;
			details.message = asString(error.message) ?? '';
			details.code = asString(error.code) ?? asString(data.code);
			details.type = asString(error.type);
			details.param = asString(error.param) ?? asString(error.parameter);
		} else {
			details.message = asString(nested) ?? asString(data.message) ?? asString(data.detail) ?? '';
			details.code = asString(data.code);
			if (asString(nested) && asString(data.message)) details.message = `${asString(nested)}: ${asString(data.message)}`;
		}
		const required = Number(data.requiredBalance ?? data.required_balance);
		if (Number.isFinite(required) && data.requiredBalance !== undefined) details.requiredBalance = required;
		details.requestId = asString(data.request_id) ?? asString(data.requestId);
	} else if (typeof body === 'string') {
		details.message = textOfNonJsonBody(body) ?? '';
	}
	details.requestId = header(headers, 'x-request-id') ?? details.requestId;
	details.retryAfterMs = parseRetryAfter(header(headers, 'retry-after'));
	details.message = details.message ? redactSecrets(details.message) : `HTTP ${status}`;
	return details;
}

function isContentPolicy(details: NanoGptErrorDetails): boolean {
	return (
		details.code === 'content_policy_violation' ||
		/content[ _-]?policy|moderation|safety system/i.test(details.message)
	);
}

function isModelNotFound(details: NanoGptErrorDetails): boolean {
	return (
		details.code === 'model_not_found' ||
		details.code === 'model_not_available' ||
		details.code === 'model_not_allowed' ||
		details.code === 'invalid_model' ||
		(details.status === 404 && /model/i.test(details.message))
	);
}

/** The "what to do" text shown under the error in n8n. */
export function adviceFor(details: NanoGptErrorDetails, model?: string): string {
	const modelName = model ? `"${model}"` : 'the selected model';
	if (details.code === 'daily_rpd_limit_exceeded' || details.code === 'daily_usd_limit_exceeded') {
		const limit = details.code === 'daily_rpd_limit_exceeded' ? 'requests per day' : 'USD per day';
		return `This API key reached its daily limit (${limit}). It resets at 00:00 UTC; raise the limit in the NanoGPT API key settings or use another key.`;
	}
	if (isContentPolicy(details)) {
		return 'The prompt or input was refused by a content policy (NanoGPT does not charge for this). Rephrase the input or choose another model.';
	}
	if (details.code === 'context_length_exceeded') {
		return `The input is longer than ${modelName} accepts. Shorten the prompt or messages, lower Max Tokens, or pick a model with a larger context.`;
	}
	if (isModelNotFound(details)) {
		return `NanoGPT does not offer the model ${modelName} to this account. Pick a model from the list or check the ID (IDs such as "openai/gpt-5.2" are case-sensitive).`;
	}
	switch (details.status) {
		case 400:
			return details.param
				? `Check the value sent as "${details.param}".`
				: 'Check the node parameters against what the selected model supports.';
		case 401:
			return 'Check the API key in the NanoGPT credential (it should start with sk-nano-) and that it has not been revoked.';
		case 402:
			return details.requiredBalance !== undefined
				? `This request needs a balance of at least ${details.requiredBalance} USD. Top up at https://nano-gpt.com.`
				: 'Top up your NanoGPT balance at https://nano-gpt.com, then run the node again.';
		case 403:
			return 'The API key is not allowed to do this (for example an origin restriction or a subscription-only key). Check the key settings on nano-gpt.com.';
		case 404:
			return 'Check the credential Base URL (normally https://nano-gpt.com/api) and the IDs given to the node.';
		case 408:
		case 504:
			return 'The generation took too long. Raise Timeout under Retries and Timeout, or try again later.';
		case 413:
			return 'Send less data: shorten the input, or pass large files by URL instead of as binary data.';
		case 429:
			return 'Too many requests at once (NanoGPT allows 25 per second per key). Lower Max Requests per Second under Retries and Timeout (for example when several workflows share the key), or raise Max Retries.';
		default:
			if (details.status >= 500) {
				return 'This is usually temporary. The node retries it automatically; raise Max Retries or run the workflow again later.';
			}
			return 'Check the node parameters and try again.';
	}
}

/** Builds the NodeApiError users see. Only NanoGPT's words and the status go in: never headers or keys. */
export function nanoGptApiError(
	node: INode,
	details: NanoGptErrorDetails,
	options: { model?: string; itemIndex?: number } = {},
): NodeApiError {
	const title = STATUS_TITLES[details.status] ?? `NanoGPT answered with HTTP ${details.status}`;
	const message = `${title}: ${details.message}`;
	let description = adviceFor(details, options.model);
	if (details.requestId) description += ` (NanoGPT request ID: ${details.requestId})`;
	const safeResponse: JsonObject = {
		message: details.message,
		httpCode: String(details.status),
		...(details.code ? { code: details.code } : {}),
		...(details.requestId ? { requestId: details.requestId } : {}),
	};
	const error = new NodeApiError(node, safeResponse, {
		message,
		description,
		httpCode: String(details.status),
		itemIndex: options.itemIndex,
	});
	Object.assign(error.context, {
		nanoGpt: {
			status: details.status,
			...(details.code ? { code: details.code } : {}),
			...(details.type ? { type: details.type } : {}),
			...(details.requestId ? { requestId: details.requestId } : {}),
			...(details.requiredBalance !== undefined ? { requiredBalance: details.requiredBalance } : {}),
			...(details.retryAfterMs !== undefined ? { retryAfterMs: details.retryAfterMs } : {}),
		},
	});
	return error;
}

/** NanoGPT's details stored on an error built by nanoGptApiError. */
export function detailsOf(error: unknown): { status: number; retryAfterMs?: number } | undefined {
	const context = (error as { context?: IDataObject } | undefined)?.context;
	const info = context?.nanoGpt as { status?: number; retryAfterMs?: number } | undefined;
	if (!info || typeof info.status !== 'number') return undefined;
	return { status: info.status, retryAfterMs: info.retryAfterMs };
}

export function isErrorResponse(response: IN8nHttpFullResponse): boolean {
	return response.statusCode >= 400;
}
