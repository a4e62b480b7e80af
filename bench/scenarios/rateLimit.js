'use strict';
// 3. Rate limit: the server enforces NanoGPT's 25 requests per second over a rolling second (429 with
// Retry-After beyond it). 500 items with the node's default settings must all succeed; throughput is given as
// a share of 25 requests per second. For comparison, the same run without pacing (Max Requests per Second = 0).
const { runNode } = require('../lib/engine');
const { runScenario, timed } = require('../lib/measure');
const { askParameters, items } = require('../lib/parameters');
const { startFakeServer } = require('../lib/server');

const COUNT = Number(process.env.BENCH_RATE_ITEMS ?? 500);
const LIMIT = 25;
const LATENCY_MS = Number(process.env.BENCH_RATE_LATENCY_MS ?? 50);

async function measure(server, requestSettings) {
	await server.reset();
	const { ms, result } = await timed(() => runNode(askParameters(requestSettings), { baseUrl: server.baseUrl, items: items(COUNT) }));
	const stats = await server.stats();
	const failed = result.items.filter((item) => item.error).length + (COUNT - result.items.length);
	// Throughput while the run was sending: accepted requests over the time from the first to the last one,
	// plus the one window the last accepted request opens.
	const sendingMs = stats.lastAcceptedAt - stats.firstAcceptedAt + 1000 / LIMIT;
	const perSecond = ((COUNT - failed) / ms) * 1000;
	return { ms, failed, rateLimited: stats.rateLimited, requests: stats.requests, perSecond, share: perSecond / LIMIT, sendingMs };
}

async function main() {
	const server = await startFakeServer({ latencyMs: LATENCY_MS, rateLimit: LIMIT, rateWindowMs: 1000, retryAfterSeconds: 1 });
	try {
		await server.configure({ rateLimit: 0 });
		await runNode(askParameters(), { baseUrl: server.baseUrl, items: items(20) });
		await server.configure({ rateLimit: LIMIT });
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const paced = await measure(server, {});
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const unpaced = await measure(server, { maxRequestsPerSecond: 0 });
		return { items: COUNT, limit: LIMIT, latencyMs: LATENCY_MS, paced, unpaced };
	} finally {
		server.stop();
	}
}

runScenario(main);
