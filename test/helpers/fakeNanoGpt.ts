import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake NanoGPT server received it. */
export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	json?: any;
	receivedAt: number;
}

export interface FakeResponse {
	status?: number;
	headers?: Record<string, string>;
	json?: unknown;
	body?: Buffer | string;
	/** Milliseconds before answering. */
	delayMs?: number;
	/** Close the socket without answering (a connection reset). */
	destroy?: boolean;
	/** Write the answer by hand (a trickling body, a reset in the middle of the body, a damaged gzip body). */
	raw?: (res: http.ServerResponse, req: http.IncomingMessage) => void;
}

export type Handler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export const VALID_KEY = 'sk-nano-00000000-test-key-valid';

/**
 * A NanoGPT-compatible HTTP server on 127.0.0.1: routes under /api, Bearer or x-api-key auth,
 * NanoGPT's error shapes. Every request is recorded; tests replace handlers per route.
 */
export class FakeNanoGpt {
	readonly requests: RecordedRequest[] = [];

	private readonly handlers = new Map<string, Handler>();

	private readonly queues = new Map<string, FakeResponse[]>();

	private server?: http.Server;

	baseUrl = '';

	/** Always answer this route with the handler (overrides the defaults). */
	on(method: string, path: string, handler: Handler | FakeResponse): this {
		this.handlers.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler);
		return this;
	}

	/** Answer the next requests to this route with these responses, in order, then fall back to the handler. */
	queue(method: string, path: string, ...responses: FakeResponse[]): this {
		const key = `${method} ${path}`;
		this.queues.set(key, [...(this.queues.get(key) ?? []), ...responses]);
		return this;
	}

	reset(): void {
		this.requests.length = 0;
		this.handlers.clear();
		this.queues.clear();
	}

	requestsTo(method: string, path: string): RecordedRequest[] {
		return this.requests.filter((request) => request.method === method && request.path === path);
	}

	lastRequest(): RecordedRequest {
		const last = this.requests[this.requests.length - 1];
		if (!last) throw new Error('The fake NanoGPT server received no request');
		return last;
	}

	async start(defaults: Record<string, Handler>): Promise<string> {
		for (const [key, handler] of Object.entries(defaults)) this.defaults.set(key, handler);
		this.server = http.createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}/api`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	private readonly defaults = new Map<string, Handler>();

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname.replace(/^\/api/, '');
		const recorded: RecordedRequest = {
			method: req.method ?? 'GET',
			path,
			query: Object.fromEntries(url.searchParams.entries()),
			headers: req.headers,
			rawBody,
			receivedAt: Date.now(),
		};
		if (String(req.headers['content-type'] ?? '').includes('application/json') && rawBody.length) {
			try {
				recorded.json = JSON.parse(rawBody.toString('utf8'));
			} catch {
				recorded.json = undefined;
			}
		}
		this.requests.push(recorded);
		const key = `${recorded.method} ${path}`;
		let response: FakeResponse;
		const queued = this.queues.get(key);
		if (queued && queued.length) {
			response = queued.shift()!;
		} else {
			const handler = this.handlers.get(key) ?? this.defaults.get(key);
			response = handler
				? await handler(recorded)
				: { status: 404, json: { error: { message: `No route ${key}`, type: 'not_found_error', code: 'not_found' } } };
		}
		if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
		if (response.destroy) {
			req.socket.destroy();
			return;
		}
		if (response.raw) {
			response.raw(res, req);
			return;
		}
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let body: Buffer;
		if (response.json !== undefined) {
			body = Buffer.from(JSON.stringify(response.json));
			headers['content-type'] ??= 'application/json';
		} else {
			body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body ?? '');
		}
		res.writeHead(response.status ?? 200, headers);
		res.end(body);
	}
}

/** The API key a request carried, from Bearer or x-api-key. */
export function keyOf(request: RecordedRequest): string | undefined {
	const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
	return bearer ?? (request.headers['x-api-key'] as string | undefined);
}

export function unauthorized(): FakeResponse {
	return { status: 401, json: { error: { message: 'Invalid API key', type: 'authentication_error', code: 'invalid_api_key' } } };
}

/** Guards a handler: NanoGPT answers 401 unless the valid key is sent. */
export function authed(handler: Handler): Handler {
	return (request) => (keyOf(request) === VALID_KEY ? handler(request) : unauthorized());
}
