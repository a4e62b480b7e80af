'use strict';
// 2. Concurrency: 500 items at 100 ms server latency, against the ideal items x latency / concurrency. The node's
// own pacing sets the concurrency: Max Requests per Second = 500 starts a request every 2 ms, so with 100 ms answers
// 50 requests are in flight at a time. (n8n's Request Options > Batching exists only for nodes without execute().)
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
		// 50 in flight: one start every 2 ms at 100 ms per answer (NanoGPT's own 25 per second is the rate-limit figure).
		const parameters = askParameters({ maxRequestsPerSecond: (CONCURRENCY * 1000) / LATENCY_MS });
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
