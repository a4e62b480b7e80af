'use strict';
const { performance } = require('node:perf_hooks');

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds `fn` takes, and its result. */
async function timed(fn) {
	const start = performance.now();
	const result = await fn();
	return { ms: performance.now() - start, result };
}

/** Hands a scenario's result to bench/run.js (or prints it when the scenario runs alone). */
function report(result) {
	if (process.send) process.send({ result });
	else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** Runs a scenario's main function as a script: reports its result or its failure, then exits. */
function runScenario(main) {
	main()
		.then((result) => {
			report(result);
			process.exitCode = 0;
		})
		.catch((error) => {
			report({ failed: String(error?.stack ?? error) });
			process.exitCode = 1;
		})
		.finally(() => setTimeout(() => process.exit(), 50));
}

module.exports = { median, timed, report, runScenario };
