import type { FakeResponse } from '../helpers/fakeNanoGpt';
import { runNode } from '../helpers/engine';
import { askParameters, modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

const TITLES: Record<number, string> = {
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
	502: 'NanoGPT had an upstream error',
	503: 'NanoGPT is temporarily unavailable',
	504: 'NanoGPT timed out',
};
const ADVICE: Record<number, string> = {
	400: 'Check the node parameters',
	401: 'Check the API key in the NanoGPT credential',
	402: 'Top up your NanoGPT balance',
	403: 'not allowed',
	404: 'Base URL',
	408: 'Raise Timeout',
	409: 'Check the node parameters',
	413: 'Send less data',
	429: 'Lower Max Requests per Second',
	500: 'usually temporary',
	502: 'usually temporary',
	503: 'usually temporary',
	504: 'Raise Timeout',
};
const RETRIED = new Set([408, 429, 500, 502, 503, 504]);
const MAX_RETRIES = 2;

/** The four ways NanoGPT words an error. */
const SHAPES: Record<string, (status: number) => FakeResponse> = {
	'OpenAI-style': (status) => ({
		status,
		json: { error: { message: `Problem ${status}`, type: 'invalid_request_error', code: 'some_code', param: null } },
	}),
	legacy: (status) => ({ status, json: { error: `Problem ${status}`, status } }),
	bare: (status) => ({ status, json: { code: 'some_code', message: `Problem ${status}` } }),
	'non-JSON': (status) => ({ status, body: `Problem ${status}`, headers: { 'content-type': 'text/plain' } }),
};

const cases = Object.keys(SHAPES).flatMap((shape) => Object.keys(TITLES).map((status) => [shape, Number(status)] as const));

describe('every error shape x every status', () => {
	test.each(cases)('%s %i', async (shape, status) => {
		const response = SHAPES[shape](status);
		server.on('POST', '/v1/chat/completions', {
			...response,
			headers: { ...(response.headers ?? {}), 'retry-after': '0', 'x-request-id': 'req_abc123' },
		});
		const result = await runNode(askParameters({ requestSettings: { maxRetries: MAX_RETRIES } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(`${TITLES[status]}: Problem ${status}`);
		expect(result.error?.description).toContain(ADVICE[status]);
		expect(result.error?.description).toContain('NanoGPT request ID: req_abc123');
		expect(result.error?.httpCode).toBe(String(status));
		expect(server.requests).toHaveLength(RETRIED.has(status) ? MAX_RETRIES + 1 : 1);
	});
});

describe('NanoGPT error codes get specific advice', () => {
	test('402 names the required balance', async () => {
		server.on('POST', '/v1/chat/completions', { status: 402, json: { error: 'Insufficient balance', requiredBalance: 0.0035, status: 402 } });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('Insufficient NanoGPT balance: Insufficient balance');
		expect(result.error?.description).toContain('at least 0.0035 USD');
		expect(server.requests).toHaveLength(1);
	});

	test('a daily limit 429 is told apart from the rate limit and not retried', async () => {
		server.on('POST', '/v1/chat/completions', {
			status: 429,
			headers: { 'retry-after': '3600' },
			json: { error: { message: 'Daily request limit exceeded', type: 'rate_limit_error', code: 'daily_rpd_limit_exceeded' } },
		});
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.description).toContain('daily limit (requests per day)');
		expect(server.requests).toHaveLength(1);
	});

	test('content policy refusals say so', async () => {
		server.on('POST', '/v1/chat/completions', {
			status: 400,
			json: { error: { message: 'Request blocked by content policy', type: 'invalid_request_error', code: 'content_policy_violation' } },
		});
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.description).toContain('content policy');
	});

	test('model not found names the model', async () => {
		server.on('POST', '/v1/chat/completions', {
			status: 404,
			json: { error: { message: 'Model not found', type: 'not_found_error', code: 'model_not_found' } },
		});
		const result = await runNode(askParameters({ model: modelById('acme/does-not-exist:online') }), { baseUrl: server.baseUrl });
		expect(result.error?.description).toContain('"acme/does-not-exist:online"');
	});

	test('an HTML error page becomes a readable message', async () => {
		server.on('POST', '/v1/chat/completions', {
			status: 502,
			headers: { 'content-type': 'text/html', 'retry-after': '0' },
			body: '<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>',
		});
		const result = await runNode(askParameters({ requestSettings: { maxRetries: 0 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT had an upstream error: NanoGPT answered with an HTML page ("502 Bad Gateway")');
	});
});

describe('malformed success responses', () => {
	test.each([
		['missing choices', { json: { id: 'x', object: 'chat.completion' } }, 'NanoGPT returned no answer (the response has no choices)'],
		['empty choices', { json: { id: 'x', choices: [] } }, 'NanoGPT returned no answer (the response has no choices)'],
		['truncated JSON', { body: '{"id":"x","choices":[{"mess', headers: { 'content-type': 'application/json' } }, 'NanoGPT sent a response that is not a JSON object'],
		['an empty body', { body: '' }, 'NanoGPT sent a response that is not a JSON object'],
	])('%s is a clear error', async (_name, response, message) => {
		server.on('POST', '/v1/chat/completions', response as FakeResponse);
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(result.items).toHaveLength(0);
	});
});
