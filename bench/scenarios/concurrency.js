'use strict';
// 2. Concurrency: 500 items at 100 ms server latency with n8n's batching (Request Options > Batching), against
// the ideal items x latency / concurrency. n8n's batching starts `batchSize` requests every `batchInterval` ms
// without waiting for the previous batch, so with the interval equal to the latency `batchSize` requests are
// in flight at a time.
const { runNode } = require('../lib/engine');
const { runScenario, timed } = require('../lib/measure');
const { askParameters, items } = require('../lib/parameters');
const { startFakeServer } = require('../lib/server');

const COUNT = Number(process.env.BENCH_CONCURRENCY_ITEMS ?? 500);
const LATENCY_MS = 100;
const CONCURRENCY = 50;

async function main() {
	const server = await startFakeServer({ latencyMs: LATENCY_MS });
	try {
		// Pacing off: it stands for NanoGPT's 25 requests per second, measured in the rate-limit figure.
		const parameters = askParameters(
			{ maxRequestsPerSecond: 0 },
			{ batching: { batch: { batchSize: CONCURRENCY, batchInterval: LATENCY_MS } } },
		);
		await runNode(parameters, { baseUrl: server.baseUrl, items: items(100) });
		const { ms, result } = await timed(() => runNode(parameters, { baseUrl: server.baseUrl, items: items(COUNT) }));
		if (result.error) throw result.error;
		const failed = result.items.filter((item) => item.error).length + (COUNT - result.items.length);
		const idealMs = (COUNT * LATENCY_MS) / CONCURRENCY;
		return { items: COUNT, latencyMs: LATENCY_MS, concurrency: CONCURRENCY, ms, idealMs, ratio: ms / idealMs, failed };
	} finally {
		server.stop();
	}
}

runScenario(main);
