'use strict';
/** A tiny sequential test harness: named checks, a pass/fail tally and the closing `N passed, N failed` line. */
class Harness {
	constructor() {
		this.results = [];
	}

	async test(name, fn) {
		const started = Date.now();
		try {
			await fn();
			this.results.push({ name, ok: true });
			process.stdout.write(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
		} catch (error) {
			this.results.push({ name, ok: false, error });
			process.stdout.write(`  ✗ ${name}\n${indent(String((error && error.stack) || error))}\n`);
		}
	}

	/** Records a failure without running anything (a stage that could not start). */
	fail(name, error) {
		this.results.push({ name, ok: false, error });
		process.stdout.write(`  ✗ ${name}\n${indent(String((error && error.stack) || error))}\n`);
	}

	get failed() {
		return this.results.filter((result) => !result.ok);
	}

	summary() {
		const failed = this.failed;
		if (failed.length) {
			process.stdout.write('\nFailed:\n');
			for (const result of failed) process.stdout.write(`  - ${result.name}\n`);
		}
		process.stdout.write(`\n${this.results.length - failed.length} passed, ${failed.length} failed\n`);
		return failed.length === 0 ? 0 : 1;
	}
}

function indent(text) {
	return text
		.split('\n')
		.slice(0, 40)
		.map((line) => `      ${line}`)
		.join('\n');
}

module.exports = { Harness };
