import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

import type { NanoGptEndpoint } from './baseUrl';
import { cancelledError, redirectError, transportError } from './requestFailures';

export const CREDENTIAL_TYPE = 'nanoGptApi';

/** Same-origin redirects followed per request; more is a loop. */
const MAX_REDIRECTS = 5;

export interface NanoGptHttpRequest {
	method: IHttpRequestMethods;
	/** A path below the Base URL ("/v1/chat/completions"), or an absolute URL on the Base URL's origin. */
	url: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	json?: boolean;
	encoding?: IHttpRequestOptions['encoding'];
	/**
	 * With `encoding: 'stream'`: the content types (prefixes such as `audio/`) whose answers stay a stream, for the
	 * caller to store without holding them in memory. Given, every other answer (errors, JSON) is read into a Buffer
	 * here, within the deadline; not given, every answer stays a stream (server-sent events).
	 */
	streamTypes?: string[];
	/** Deadline for the whole attempt: connecting, waiting for headers and receiving the body. */
	timeoutMs: number;
	/** The execution's or the caller's cancel signal. */
	signal?: AbortSignal;
}

export interface NanoGptHttpResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What the request helpers need from n8n (an execute, single-item, supply-data or load-options context). */
export interface HttpCapableContext {
	getNode(): INode;
	helpers: {
		httpRequestWithAuthentication(
			this: unknown,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
			additionalCredentialOptions?: IDataObject,
		): Promise<unknown>;
	};
}

/** A header of an answer, whatever its case (the first value when it is a list). */
export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

/** The parts of a Node.js readable stream read here (an answer body with `encoding: 'stream'`). */
interface ReadableBody {
	on(event: 'data', listener: (chunk: Buffer) => void): unknown;
	once(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
	pipe?: unknown;
}

/** Whether an answer body is a Node.js stream (a request made with `encoding: 'stream'`). */
export function isStream(body: unknown): body is ReadableBody {
	return !!body && typeof body === 'object' && typeof (body as ReadableBody).on === 'function' && 'pipe' in (body as object);
}

async function readAll(stream: ReadableBody): Promise<Buffer> {
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk) => chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
		stream.once('end', () => resolve(Buffer.concat(chunks)));
		stream.once('error', (error) => reject(error ?? new Error('the answer was cut off')));
	});
}

/** Whether an answer stays a stream: a success whose content type is one the caller streams. */
function keepsStream(response: NanoGptHttpResponse, streamTypes: string[]): boolean {
	const type = headerValue(response.headers, 'content-type')?.toLowerCase() ?? '';
	return response.statusCode < 300 && streamTypes.some((prefix) => type.startsWith(prefix));
}

function discard(body: unknown): void {
	const stream = body as { destroy?: () => void; resume?: () => void } | undefined;
	if (stream && typeof stream.destroy === 'function') stream.destroy();
}

function absoluteUrl(endpoint: NanoGptEndpoint, url: string): string {
	return /^https?:\/\//i.test(url) ? url : `${endpoint.baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

/**
 * Sends one request to NanoGPT with the credential, and keeps the key with NanoGPT:
 * - redirects are never followed by the HTTP library; the node follows a redirect itself only when it stays on
 *   the Base URL's origin (GET and HEAD for any 3xx; other methods only for 307/308, which keep method and body).
 *   A redirect to another origin (host, port or scheme) fails with a message naming that origin, and the key is
 *   not sent there;
 * - the attempt as a whole (connect, headers, body) is bounded by `timeoutMs`, a deadline rather than an idle
 *   timeout, so a server that trickles its answer cannot hold the item;
 * - the credential is the one read once for the run when `credentials` is given (no lookup per request).
 * Answers of every status come back as they are (errors are the caller's business), except 3xx.
 */
export async function requestNanoGpt(
	context: HttpCapableContext,
	endpoint: NanoGptEndpoint,
	request: NanoGptHttpRequest,
	credentials?: ICredentialDataDecryptedObject,
	wording: { timeoutAdvice?: string } = {},
): Promise<NanoGptHttpResponse> {
	const node = context.getNode();
	const secrets = typeof credentials?.apiKey === 'string' && credentials.apiKey.trim().length >= 8 ? [credentials.apiKey.trim()] : [];
	const deadline = AbortSignal.timeout(Math.max(1, request.timeoutMs));
	const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
	// n8n's httpRequestWithAuthentication replaces abortSignal with the context's cancel signal: give it ours.
	const requestContext = Object.create(context, { getExecutionCancelSignal: { value: () => signal } }) as HttpCapableContext;
	const additional = credentials
		? { credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: credentials } }
		: undefined;
	// A transport fault of the request or of reading its answer, in plain words (or the cancellation it was).
	const failed = (error: unknown): Error =>
		request.signal?.aborted
			? cancelledError(node)
			: transportError(node, error, {
					timeoutMs: request.timeoutMs,
					deadlineExceeded: deadline.aborted,
					timeoutAdvice: wording.timeoutAdvice,
					secrets,
				});
	let method = request.method;
	let body = request.body;
	let url = absoluteUrl(endpoint, request.url);
	let qs = request.qs;
	for (let hop = 0; ; hop++) {
		let response: NanoGptHttpResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				requestContext,
				CREDENTIAL_TYPE,
				{
					method,
					url,
					...(qs ? { qs } : {}),
					...(body !== undefined ? { body } : {}),
					headers: { ...(request.headers ?? {}) },
					json: request.json ?? true,
					...(request.encoding ? { encoding: request.encoding } : {}),
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					sendCredentialsOnCrossOriginRedirect: false,
					timeout: request.timeoutMs,
					abortSignal: signal,
				},
				additional,
			)) as NanoGptHttpResponse;
		} catch (error) {
			throw failed(error);
		}
		if (response.statusCode < 300 || response.statusCode >= 400) {
			if (!request.streamTypes || !isStream(response.body) || keepsStream(response, request.streamTypes)) return response;
			try {
				return { ...response, body: await readAll(response.body) };
			} catch (error) {
				throw failed(error);
			}
		}
		discard(response.body);
		const location = headerValue(response.headers, 'location');
		if (!location) {
			throw redirectError(
				node,
				`NanoGPT answered HTTP ${response.statusCode} (a redirect) without saying where to`,
				'Check the credential Base URL: it should be the address NanoGPT answers at directly, normally https://nano-gpt.com/api.',
			);
		}
		let target: string;
		try {
			target = new URL(location, url).toString();
		} catch {
			throw redirectError(
				node,
				`NanoGPT answered with a redirect to an invalid address (HTTP ${response.statusCode})`,
				'Check the credential Base URL: it should be the address NanoGPT answers at directly, normally https://nano-gpt.com/api.',
			);
		}
		const targetOrigin = originOf(target);
		if (targetOrigin !== endpoint.origin) {
			throw redirectError(
				node,
				`The credential Base URL redirected to another origin (${targetOrigin ?? 'unknown'}); the API key was not sent there`,
				`Requests with your API key only go to ${endpoint.origin}. Set the credential's Base URL to the address that answers directly (for example ${targetOrigin ?? 'https://nano-gpt.com'}/api if that is really NanoGPT).`,
			);
		}
		const keepsMethod = response.statusCode === 307 || response.statusCode === 308;
		if (!keepsMethod && method !== 'GET' && method !== 'HEAD') {
			throw redirectError(
				node,
				`NanoGPT answered HTTP ${response.statusCode} (a redirect to ${new URL(target).pathname}) to a ${method} request`,
				'Following it would drop the request body, so the node stops here. Set the credential Base URL to the address the redirect points to.',
			);
		}
		if (hop + 1 >= MAX_REDIRECTS) {
			throw redirectError(
				node,
				`NanoGPT redirected more than ${MAX_REDIRECTS} times (a redirect loop)`,
				'Check the credential Base URL and any proxy in front of NanoGPT; the request was not sent further.',
			);
		}
		url = target;
		qs = undefined;
		if (!keepsMethod && method === 'HEAD') body = undefined;
		method = keepsMethod ? method : method === 'HEAD' ? 'HEAD' : 'GET';
	}
}
