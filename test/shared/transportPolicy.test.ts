import { describeTransportFault, isRetryableAnswer, retryDelayAfter, retryDelayMs } from '../../nodes/shared/transportPolicy';

function chain(...links: Array<{ code?: string; message: string }>): Error {
	return links.reduceRight<Error | undefined>((cause, link) => Object.assign(new Error(link.message), { code: link.code, cause }), undefined)!;
}

describe('one transport policy for both nodes', () => {
	test.each([
		[408, undefined, true],
		[429, undefined, true],
		[500, undefined, true],
		[503, undefined, true],
		[429, 'daily_rpd_limit_exceeded', false],
		[429, 'daily_usd_limit_exceeded', false],
		[400, undefined, false],
		[401, undefined, false],
		[402, undefined, false],
		[404, undefined, false],
	])('status %i (code %s) retryable: %s', (status, code, expected) => {
		expect(isRetryableAnswer(status, code)).toBe(expected);
	});

	test.each([
		['a reset before the answer', chain({ code: 'ECONNRESET', message: 'socket hang up' }), 'reset', true],
		['a reset in the middle of the body', chain({ code: 'ERR_BAD_RESPONSE', message: 'stream has been aborted' }), 'reset', true],
		['n8n wrapping a reset', chain({ message: 'The connection was aborted' }, { code: 'ECONNRESET', message: 'read ECONNRESET' }), 'reset', true],
		['refused', chain({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }), 'refused', true],
		['DNS', chain({ code: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN nano-gpt.com' }), 'dns', true],
		['not HTTP', chain({ code: 'HPE_INVALID_CONSTANT', message: 'Parse Error: Expected HTTP/' }), 'notHttp', false],
		['a damaged gzip body', chain({ code: 'Z_DATA_ERROR', message: 'incorrect header check' }), 'corruptBody', false],
		['a certificate problem', chain({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }), 'tls', false],
		['an axios idle timeout', chain({ code: 'ECONNABORTED', message: 'timeout of 2000ms exceeded' }), 'timeout', true],
		['something else', chain({ message: 'weird' }), 'unknown', false],
	])('%s: kind %s, retryable %s, no library text in the message', (_name, error, kind, retryable) => {
		const fault = describeTransportFault(error, { timeoutMs: 5000 });
		expect(fault.kind).toBe(kind);
		expect(fault.retryable).toBe(retryable);
		expect(fault.message).not.toMatch(/ECONN|ERR_|HPE_|Z_DATA|Parse Error|stream has been aborted|incorrect header/);
		expect(fault.description.length).toBeGreaterThan(20);
	});

	test('a deadline is a timeout whatever the library said, with the right plural', () => {
		expect(describeTransportFault(chain({ code: 'ERR_CANCELED', message: 'canceled' }), { timeoutMs: 1000, deadlineExceeded: true }).message).toBe(
			'NanoGPT did not answer within 1 second',
		);
		expect(describeTransportFault(new Error('x'), { timeoutMs: 90_000, deadlineExceeded: true }).message).toBe(
			'NanoGPT did not answer within 90 seconds',
		);
	});

	test('backoff doubles per attempt within jitter, capped at 30 s; Retry-After wins', () => {
		expect(retryDelayMs(0, undefined, () => 0)).toBe(500);
		expect(retryDelayMs(0, undefined, () => 1)).toBe(1000);
		expect(retryDelayMs(3, undefined, () => 0)).toBe(4000);
		expect(retryDelayMs(10, undefined, () => 1)).toBe(30_000);
		expect(retryDelayMs(2, 7000)).toBe(7000);
	});

	test('a 429 to a paced request waits half the backoff (the pace already slowed down); Retry-After and other answers keep it', () => {
		expect(retryDelayAfter(0, { status: 429, paced: true }, () => 0)).toBe(250);
		expect(retryDelayAfter(2, { status: 429, paced: true }, () => 1)).toBe(2000);
		expect(retryDelayAfter(0, { status: 429, paced: false }, () => 0)).toBe(500);
		expect(retryDelayAfter(0, { status: 503, paced: true }, () => 0)).toBe(500);
		expect(retryDelayAfter(1, { status: 429, retryAfterMs: 3000, paced: true }, () => 0)).toBe(3000);
		expect(retryDelayAfter(0, { paced: true }, () => 1)).toBe(1000);
	});
});
