import { retryDelayMs } from '../../nodes/NanoGpt/shared/transport';
import { runNode } from '../helpers/engine';
import { chatCompletion } from '../helpers/fixtures';
import { askParameters, modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();
const ok = { json: chatCompletion('Recovered') };

describe('per-item retries', () => {
	test('Retry-After is honoured (gap measured by the server)', async () => {
		server.queue('POST', '/v1/chat/completions', {
			status: 429,
			headers: { 'retry-after': '1' },
			json: { error: { message: 'Rate limit exceeded', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
		});
		server.on('POST', '/v1/chat/completions', ok);
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json.text).toBe('Recovered');
		const [first, second] = server.requests;
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1000);
	});

	test('a connection reset is retried', async () => {
		server.queue('POST', '/v1/chat/completions', { destroy: true });
		server.on('POST', '/v1/chat/completions', ok);
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.text).toBe('Recovered');
		expect(server.requests).toHaveLength(2);
	});

	test('a timeout is retried, then reported with the timeout that was used', async () => {
		server.on('POST', '/v1/chat/completions', { ...ok, delayMs: 1500 });
		const result = await runNode(askParameters({ requestSettings: { timeout: 1, maxRetries: 1 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT did not answer within 1 second');
		expect(result.error?.description).toContain('raise Timeout');
		expect(server.requests).toHaveLength(2);
	});

	test('a timeout the user raised lets a slow answer through', async () => {
		server.on('POST', '/v1/chat/completions', { ...ok, delayMs: 1200 });
		const result = await runNode(askParameters({ requestSettings: { timeout: 5 } }), { baseUrl: server.baseUrl });
		expect(result.items[0].json.text).toBe('Recovered');
	});

	test('a Retry-After longer than the allowed total wait is not waited for', async () => {
		server.on('POST', '/v1/chat/completions', { status: 503, headers: { 'retry-after': '600' }, json: { error: 'Service unavailable', status: 503 } });
		const result = await runNode(askParameters({ requestSettings: { maxRetryWait: 5 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT is temporarily unavailable: Service unavailable');
		expect(server.requests).toHaveLength(1);
	});

	test('Max Retries 0 sends once', async () => {
		server.on('POST', '/v1/chat/completions', { status: 500, headers: { 'retry-after': '0' }, json: { error: 'boom', status: 500 } });
		await runNode(askParameters({ requestSettings: { maxRetries: 0 } }), { baseUrl: server.baseUrl });
		expect(server.requests).toHaveLength(1);
	});

	test('only the failing item is sent again: successful items are never re-sent', async () => {
		let failedOnce = false;
		server.on('POST', '/v1/chat/completions', (request) => {
			if (request.json.messages[0].content === 'flaky' && !failedOnce) {
				failedOnce = true;
				return { status: 503, headers: { 'retry-after': '0' }, json: { error: 'busy', status: 503 } };
			}
			return { json: chatCompletion(`answer to ${request.json.messages[0].content}`) };
		});
		const items = ['a', 'flaky', 'b'].map((q) => ({ json: { q } }));
		const result = await runNode(askParameters({ prompt: '={{ $json.q }}' }), { baseUrl: server.baseUrl, items });
		expect(result.items.map((item) => item.json.text)).toEqual(['answer to a', 'answer to flaky', 'answer to b']);
		const sent = server.requests.map((request) => request.json.messages[0].content).sort();
		expect(sent).toEqual(['a', 'b', 'flaky', 'flaky']);
	});
});

describe('backoff', () => {
	test('grows exponentially with jitter between half and the full step', () => {
		expect(retryDelayMs(0, undefined, () => 0)).toBe(500);
		expect(retryDelayMs(0, undefined, () => 1)).toBe(1000);
		expect(retryDelayMs(3, undefined, () => 0)).toBe(4000);
		expect(retryDelayMs(3, undefined, () => 1)).toBe(8000);
	});

	test('is capped at 30 seconds per wait', () => {
		expect(retryDelayMs(20, undefined, () => 1)).toBe(30000);
	});

	test('a Retry-After from NanoGPT wins', () => {
		expect(retryDelayMs(2, 7000, () => 0)).toBe(7000);
	});
});

describe('nothing accepted by NanoGPT is sent twice', () => {
	test('a retryable status while polling a background job does not submit the job again', async () => {
		server.on('POST', '/tts', { status: 202, json: { status: 'pending', runId: 'run-7', model: 'Elevenlabs-Turbo-V2.5', cost: 0.03 } });
		server.on('GET', '/tts/status', { status: 408, headers: { 'retry-after': '0' }, json: { error: 'Request timeout', status: 408 } });
		const result = await runNode(
			{
				resource: 'audio',
				operation: 'createSpeech',
				model: modelById('Elevenlabs-Turbo-V2.5'),
				input: 'Hello',
				voice: 'Rachel',
				options: { requestMode: 'job', pollInterval: 1, maxWait: 30 },
			},
			{ baseUrl: server.baseUrl },
		);
		expect(result.error?.message).toBe('NanoGPT timed out: Request timeout');
		expect(server.requestsTo('POST', '/tts')).toHaveLength(1);
	});

	test('an answer that cannot be used is not asked for again', async () => {
		server.on('POST', '/v1/chat/completions', { json: chatCompletion('not json, but "timed out" in the text') });
		const result = await runNode(askParameters({ responseFormat: 'json_object' }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The model did not answer with valid JSON');
		expect(server.requests).toHaveLength(1);
	});
});
