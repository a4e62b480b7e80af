import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

function everythingUserSees(result: Awaited<ReturnType<typeof runNode>>): string {
	const error = result.error;
	return JSON.stringify({
		items: result.outputs,
		error: error && { message: error.message, description: error.description, context: error.context, cause: (error as { cause?: unknown }).cause },
		run: result.run.data.resultData,
	});
}

describe('the API key never appears in errors or output', () => {
	test.each([
		['a 500 that echoes the request headers', (headers: unknown) => ({ status: 500, json: { error: { message: `Upstream failed for ${JSON.stringify(headers)}` } } })],
		['a 401 that repeats the key', () => ({ status: 401, json: { error: `Invalid key ${VALID_KEY}`, status: 401 } })],
		['a plain-text 400 with an authorization line', (headers: any) => ({ status: 400, body: `authorization: ${headers.authorization}` })],
	])('%s', async (_name, answer) => {
		server.on('POST', '/v1/chat/completions', (request) => ({ ...(answer as (h: unknown) => object)(request.headers), headers: { 'retry-after': '0' } }));
		for (const continueOnFail of [false, true]) {
			const result = await runNode(askParameters({ requestSettings: { maxRetries: 0 } }), { baseUrl: server.baseUrl, continueOnFail });
			const seen = everythingUserSees(result);
			expect(seen).toContain('[redacted]');
			expect(seen).not.toContain(VALID_KEY);
			expect(seen).not.toContain('test-key-valid');
		}
	});

	test('a connection failure does not expose request headers', async () => {
		server.on('POST', '/v1/chat/completions', { destroy: true });
		const result = await runNode(askParameters({ requestSettings: { maxRetries: 0 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The connection to NanoGPT was reset before the answer was complete');
		expect(everythingUserSees(result)).not.toContain(VALID_KEY);
	});
});
