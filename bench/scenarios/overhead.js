'use strict';
// 1. Overhead: N Ask items at zero server latency, the node (through n8n's engine) against a raw HTTP
// client loop sending the same requests with the same concurrency (all at once, as RoutingNode does).
const http = require('node:http');
const axios = require('axios');

const { API_KEY, runNode } = require('../lib/engine');
const { median, runScenario, timed } = require('../lib/measure');
const { minimalAskNode } = require('../lib/minimalNode');
const { ASK_REQUEST, askParameters, items } = require('../lib/parameters');
const { startFakeServer } = require('../lib/server');

const COUNT = Number(process.env.BENCH_OVERHEAD_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

// The same HTTP stack n8n uses (axios), without keep-alive as n8n sends "Connection: close".
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

async function rawLoop(baseUrl, count) {
	const headers = {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		Authorization: `Bearer ${API_KEY}`,
		'x-api-key': API_KEY,
		'User-Agent': 'n8n',
	};
	const responses = await Promise.all(
		Array.from({ length: count }, () => axios.post(`${baseUrl}${ASK_REQUEST.path}`, ASK_REQUEST.body, { headers, httpAgent: agent })),
	);
	const failed = responses.filter((response) => response.status !== 200).length;
	return { items: responses.map((response) => ({ json: { text: response.data.choices[0].message.content } })), failed };
}

async function nodeRun(baseUrl, count) {
	// Pacing off: this figure is the node's own cost per item, not NanoGPT's rate limit.
	const { items: output, error } = await runNode(askParameters({ maxRequestsPerSecond: 0 }), { baseUrl, items: items(count) });
	if (error) throw error;
	return { items: output, failed: output.filter((item) => item.error).length };
}

async function floorRun(baseUrl, count) {
	const { items: output, error } = await runNode({ operation: 'ask' }, { baseUrl, items: items(count), nodeType: minimalAskNode(baseUrl) });
	if (error) throw error;
	return { items: output, failed: output.filter((item) => item.error).length };
}

async function main() {
	const server = await startFakeServer({ latencyMs: 0 });
	try {
		await nodeRun(server.baseUrl, 200);
		await rawLoop(server.baseUrl, 200);
		await floorRun(server.baseUrl, 200);
		const times = { node: [], raw: [], floor: [] };
		let failed = 0;
		// Interleaved rounds and medians: a shared machine's noise hits all three alike.
		for (let round = 0; round < ROUNDS; round++) {
			for (const [name, run] of [['raw', rawLoop], ['node', nodeRun], ['floor', floorRun]]) {
				const { ms, result } = await timed(() => run(server.baseUrl, COUNT));
				if (result.items.length !== COUNT) throw new Error(`${name} returned ${result.items.length} items`);
				failed += result.failed;
				times[name].push(Math.round(ms));
			}
		}
		const nodeMs = median(times.node);
		const rawMs = median(times.raw);
		const floorMs = median(times.floor);
		return { items: COUNT, rounds: ROUNDS, nodeMs, rawMs, floorMs, ratio: nodeMs / rawMs, floorRatio: nodeMs / floorMs, failed, times };
	} finally {
		server.stop();
	}
}

runScenario(main);
