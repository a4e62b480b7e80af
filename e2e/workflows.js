'use strict';
/**
 * Data-driven workflow checks: every examples/<name>.json must have e2e/cases/<name>.js. Each example is executed
 * with `n8n execute --id=<workflow id>` against the fake NanoGPT server; the case then checks the requests the server
 * received and the output items. A case module exports `check(context)` and, optionally, `routes` (fake-server
 * handlers for this workflow only) and `scenarios`: further runs of the same workflow, each
 * `{ name, routes, expectFailure?, check(context) }`; with `expectFailure` the context has the execution's `error`.
 * `lines` (e.g. `['2']`) limits the case or a scenario to those n8n lines (N8N_LINE; a scenario inherits the case's
 * `lines`); elsewhere it is reported as "not applicable on n8n <line>.x: <linesReason>" and counted neither as a pass
 * nor as a failure. A scenario's `variant(workflow)` returns a changed copy of the example (with its own `id`), which is
 * imported and run instead (e.g. an older node version that n8n 1.x knows).
 */
const fs = require('node:fs');
const path = require('node:path');

const { runN8nCommand, runN8nCommandOrThrow } = require('../scripts/n8n/cli');
const { loadExamples, workflowsFile } = require('../scripts/n8n/examples');
const { parseExecuteOutput, outputOf, errorOf, binaryOf } = require('./runData');

const CASES_DIR = path.join(__dirname, 'cases');

function caseFor(file) {
	const casePath = path.join(CASES_DIR, file.replace(/\.json$/, '.js'));
	return fs.existsSync(casePath) ? require(casePath) : undefined;
}

async function executeWorkflow(n8n, workflowId, { expectFailure = false } = {}) {
	const result = await runN8nCommand(n8n.runtime, n8n.env, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const run = parseExecuteOutput(result.stdout);
	const error = errorOf(run);
	if (expectFailure) {
		if (!error) throw new Error('The workflow succeeded, but this scenario expects it to fail');
		if (result.code === 0) throw new Error('n8n execute exited with 0 for a failed workflow');
		return { run, error };
	}
	if (error) throw new Error(`The workflow failed: ${error.message}\n${error.description || ''}`);
	if (result.code !== 0) throw new Error(`n8n execute exited with ${result.code}\n${result.stderr}`);
	return { run };
}

/** Imports the scenario's variant of the example (when it has one) and returns the workflow to run. */
async function workflowFor(n8n, workflow, scenario) {
	if (!scenario.variant) return workflow;
	const variant = scenario.variant(JSON.parse(JSON.stringify(workflow)));
	if (!variant.id || variant.id === workflow.id) throw new Error('A variant needs an id of its own');
	const file = workflowsFile(n8n.userFolder, [{ workflow: variant }]);
	await runN8nCommandOrThrow(n8n.runtime, n8n.env, ['import:workflow', `--input=${file}`]);
	return variant;
}

/** One execution of an example: fake-server routes for it, `n8n execute`, then the scenario's checks. */
async function runScenario(n8n, server, example, scenario) {
	const workflow = await workflowFor(n8n, example, scenario);
	server.reset();
	for (const [route, handler] of Object.entries(scenario.routes || {})) {
		const [method, routePath] = route.split(' ');
		server.on(method, routePath, handler);
	}
	const { run, error } = await executeWorkflow(n8n, workflow.id, { expectFailure: scenario.expectFailure });
	await scenario.check({
		run,
		error,
		server,
		workflow,
		validKey: server.validKey,
		outputOf: (nodeName) => outputOf(run, nodeName),
		binaryOf: (item, property = 'data') => binaryOf(item, property, n8n.userFolder),
	});
}

/** Whether a case or scenario runs on this n8n line (no `lines`: every line). */
function appliesTo(run, line) {
	return !run.lines || run.lines.map(String).includes(String(line));
}

async function runOrReportNotApplicable(harness, n8n, name, run, fn) {
	if (appliesTo(run, n8n.profile.line)) {
		await harness.test(name, fn);
		return;
	}
	process.stdout.write(`  - ${name}: not applicable on n8n ${n8n.profile.line}.x: ${run.linesReason || `runs on n8n ${run.lines.join('.x, ')}.x only`}\n`);
}

async function runWorkflowCases(harness, n8n, server, { only } = {}) {
	for (const { file, workflow } of loadExamples()) {
		if (only && !only.some((filter) => file.includes(filter))) continue;
		const testCase = caseFor(file);
		if (!testCase) {
			harness.fail(`examples/${file}`, new Error(`No expectation: add e2e/cases/${file.replace(/\.json$/, '.js')}`));
			continue;
		}
		await runOrReportNotApplicable(harness, n8n, `examples/${file}: ${workflow.name}`, testCase, () =>
			runScenario(n8n, server, workflow, testCase),
		);
		for (const scenario of testCase.scenarios || []) {
			const inherited = { lines: testCase.lines, linesReason: testCase.linesReason, ...scenario };
			await runOrReportNotApplicable(harness, n8n, `examples/${file}: ${scenario.name}`, inherited, () =>
				runScenario(n8n, server, workflow, scenario),
			);
		}
	}
}

module.exports = { runWorkflowCases };
