'use strict';
// 5. Load: time to require the built node and credential and create them, cold, in fresh processes.
// n8n-workflow is already loaded in n8n when it loads a community package, so it is required before timing.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { median, runScenario } = require('../lib/measure');

const ROOT = path.resolve(__dirname, '..', '..');
const PROBES = Number(process.env.BENCH_LOAD_PROBES ?? 7);

const PROBE = `
require('n8n-workflow');
const { performance } = require('node:perf_hooks');
const start = performance.now();
const { NanoGpt } = require(${JSON.stringify(path.join(ROOT, 'dist/nodes/NanoGpt/NanoGpt.node.js'))});
const { NanoGptApi } = require(${JSON.stringify(path.join(ROOT, 'dist/credentials/NanoGptApi.credentials.js'))});
new NanoGpt();
new NanoGptApi();
process.stdout.write(String(performance.now() - start));
`;

async function main() {
	const times = [];
	for (let probe = 0; probe < PROBES; probe++) {
		times.push(Number(execFileSync(process.execPath, ['-e', PROBE], { cwd: ROOT, encoding: 'utf8' })));
	}
	return { ms: median(times), probes: PROBES, times: times.map((time) => Math.round(time * 10) / 10) };
}

runScenario(main);
