import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import type { RecordedRequest } from '../helpers/fakeNanoGpt';
import { authed } from '../helpers/fakeNanoGpt';
import { chatCompletion } from '../helpers/fixtures';
import { loadPackage, runNode } from '../helpers/engine';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

/**
 * A rate limit counted over a rolling window. Half a second instead of NanoGPT's full second leaves the paced
 * node (which keeps a second and a bit between bursts) room for a busy test machine's delays, while anything
 * sent without pacing still lands within the same half second.
 */
function rateLimited(limit: number, windowMs = 500) {
	const accepted: number[] = [];
	return authed((request: RecordedRequest) => {
		const recent = accepted.filter((time) => time > request.receivedAt - windowMs);
		if (recent.length >= limit) {
			return {
				status: 429,
				headers: { 'retry-after': '1' },
				json: { error: { message: 'Rate limit exceeded', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
			};
		}
		accepted.push(request.receivedAt);
		return { json: chatCompletion('ok') };
	});
}

// The first requests of a fresh process are slow to leave (modules load lazily); n8n itself is warm.
beforeAll(async () => {
	await runNode(askParameters(), { baseUrl: server.baseUrl, items: items(4) });
	server.reset();
});

function items(count: number) {
	return Array.from({ length: count }, (_, index) => ({ json: { index } }));
}


test('Max Requests per Second spaces a run out so a rate-limited NanoGPT never answers 429', async () => {
	server.on('POST', '/v1/chat/completions', rateLimited(4));
	const result = await runNode(askParameters({ requestSettings: { maxRequestsPerSecond: 4, maxRetries: 0 } }), {
		baseUrl: server.baseUrl,
		items: items(10),
		continueOnFail: true,
	});
	expect(result.items.filter((item) => item.error)).toEqual([]);
	expect(result.items.map((item) => item.json.text)).toEqual(Array(10).fill('ok'));
	expect(server.requests).toHaveLength(10);
});

test('0 sends every item at once (the same limit then answers 429 to most of them)', async () => {
	server.on('POST', '/v1/chat/completions', rateLimited(4));
	const result = await runNode(askParameters({ requestSettings: { maxRequestsPerSecond: 0, maxRetries: 0 } }), {
		baseUrl: server.baseUrl,
		items: items(10),
		continueOnFail: true,
	});
	expect(result.items.filter((item) => item.error)).toHaveLength(6);
	expect(server.requests).toHaveLength(10);
});

test('a retried item waits for a free slot too', async () => {
	const limited = rateLimited(1, 800);
	let failedOnce = false;
	server.on('POST', '/v1/chat/completions', async (request) => {
		const answer = await limited(request);
		if (answer.status || failedOnce) return answer;
		failedOnce = true;
		return { status: 503, headers: { 'retry-after': '0' }, json: { error: { message: 'busy', type: 'server_error' } } };
	});
	const result = await runNode(askParameters({ requestSettings: { maxRequestsPerSecond: 1, maxRetries: 1 } }), {
		baseUrl: server.baseUrl,
		items: items(2),
	});
	// Sent at once, the retry would have been the second request within 800 ms and got a 429.
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.json.text)).toEqual(['ok', 'ok']);
	expect(server.requests).toHaveLength(3);
});

test('by default the node keeps to NanoGPT’s 25 requests per second', async () => {
	const pkg = await loadPackage();
	const { properties } = pkg.nodeTypes['n8n-nodes-nanogpt.nanoGpt'].description as INodeTypeDescription;
	const settings = properties.find((property: INodeProperties) => property.name === 'requestSettings');
	const pace = settings?.options?.find((option: object) => 'name' in option && option.name === 'maxRequestsPerSecond');
	expect(pace).toMatchObject({ default: 25, type: 'number' });
});
