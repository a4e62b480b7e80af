'use strict';
// Shared key: several processes (like queue-mode workers) run the node at once with one API key against a server
// allowing 25 requests in any rolling second, 100 ms per answer. Default settings. Both ways a server can count:
// accepted requests only, and rejected requests too. Prints lost items, answers of 429 and throughput as a share
// of the limit, per trial. Worker processes are this file with BENCH_SHARED_ROLE=worker.
const { fork } = require('node:child_process');

const { runScenario } = require('../lib/measure');

const PROCESSES = Number(process.env.BENCH_SHARED_PROCESSES ?? 2);
const ITEMS = Number(process.env.BENCH_SHARED_ITEMS ?? 200);
const TRIALS = Number(process.env.BENCH_SHARED_TRIALS ?? 3);
const LIMIT = 25;
const LATENCY_MS = 100;

async function worker() {
	const { runNode } = require('../lib/engine');
	const { askParameters } = require('../lib/parameters');
	process.on('message', async ({ baseUrl, startAt, tag }) => {
		// Warm up (module loading, first connection) before the common start, against an unlimited route.
		await runNode(askParameters(), { baseUrl: baseUrl.replace(/\/api$/, '/warmup'), items: [{ json: {} }] }).catch(() => undefined);
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
		const parameters = { ...askParameters(), prompt: `=${tag} {{ $json.row }}` };
		const result = await runNode(parameters, { baseUrl, items: Array.from({ length: ITEMS }, (_, row) => ({ json: { row } })) });
		const failed = result.items.filter((item) => item.error || item.json.error).length + (ITEMS - result.items.length);
		process.send({ failed });
	});
	process.send({ ready: true });
}

async function trial(server, limiter, countRejected, number) {
	limiter.reset({ countRejected, latencyMs: LATENCY_MS });
	const children = Array.from({ length: PROCESSES }, () => fork(__filename, [], { env: { ...process.env, BENCH_SHARED_ROLE: 'worker' }, stdio: 'inherit' }));
	try {
		await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
		const startAt = Date.now() + 3000;
		const results = await Promise.all(
			children.map(
				(child, index) =>
					new Promise((resolve) => {
						child.once('message', resolve);
						child.send({ baseUrl: server.baseUrl, startAt, tag: `p${index}` });
					}),
			),
		);
		const stats = limiter.stats();
		const lost = results.reduce((sum, result) => sum + result.failed, 0);
		process.stdout.write(
			`  shared key trial ${number} (${countRejected ? 'rejected requests count' : 'accepted requests count'}): ${lost} of ${PROCESSES * ITEMS} items lost, ` +
				`${stats.rateLimited} answers of 429, ${(stats.share * 100).toFixed(0)} % of ${LIMIT} req/s, busiest second ${stats.busiestWindow}\n`,
		);
		return { lost, rateLimited: stats.rateLimited, share: stats.share, busiestSecond: stats.busiestWindow };
	} finally {
		for (const child of children) child.kill();
	}
}

async function main() {
	const { FakeNanoGptServer } = require('../../e2e/fakeNanoGptServer');
	const { RollingWindowLimiter } = require('../../e2e/queue/rateLimiter');
	const { API_KEY } = require('../lib/engine');
	const server = new FakeNanoGptServer({ validKey: API_KEY });
	const limiter = new RollingWindowLimiter({ limit: LIMIT });
	const chat = server.routes['POST /v1/chat/completions'];
	server.on('POST', '/v1/chat/completions', limiter.wrap(chat));
	server.on('POST', '/warmup/v1/chat/completions', chat);
	await server.start();
	try {
		const modes = {};
		for (const countRejected of [false, true]) {
			const trials = [];
			for (let number = 1; number <= TRIALS; number++) trials.push(await trial(server, limiter, countRejected, number));
			modes[countRejected ? 'rejectedCount' : 'acceptedCount'] = {
				lost: trials.reduce((sum, entry) => sum + entry.lost, 0),
				rateLimited: trials.reduce((sum, entry) => sum + entry.rateLimited, 0),
				minShare: Math.min(...trials.map((entry) => entry.share)),
				trials: trials.length,
			};
		}
		return { processes: PROCESSES, items: ITEMS, limit: LIMIT, ...modes };
	} finally {
		await server.stop();
	}
}

if (process.env.BENCH_SHARED_ROLE === 'worker') worker();
else runScenario(main);
