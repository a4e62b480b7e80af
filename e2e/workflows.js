'use strict';
/**
 * Data-driven workflow checks: every examples/<name>.json must have e2e/cases/<name>.js. Each example is executed
 * with `n8n execute --id=<workflow id>` against the fake NanoGPT server; the case then checks the requests the server
 * received and the output items. A case module exports `check(context)` and, optionally, `routes` (fake-server
 * handlers for this workflow only) and `name`.
 */
const fs = require('node:fs');
const path = require('node:path');

const { runN8nCommand } = require('../scripts/n8n/cli');
const { loadExamples } = require('../scripts/n8n/examples');
const { parseExecuteOutput, outputOf, errorOf, binaryOf } = require('./runData');

const CASES_DIR = path.join(__dirname, 'cases');

function caseFor(file) {
	const casePath = path.join(CASES_DIR, file.replace(/\.json$/, '.js'));
	return fs.existsSync(casePath) ? require(casePath) : undefined;
}

async function executeWorkflow(n8n, workflowId) {
	const result = await runN8nCommand(n8n.runtime, n8n.env, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const run = parseExecuteOutput(result.stdout);
	const error = errorOf(run);
	if (error) throw new Error(`The workflow failed: ${error.message}\n${error.description || ''}`);
	if (result.code !== 0) throw new Error(`n8n execute exited with ${result.code}\n${result.stderr}`);
	return run;
}

async function runWorkflowCases(harness, n8n, server, { only } = {}) {
	for (const { file, workflow } of loadExamples()) {
		if (only && !only.some((filter) => file.includes(filter))) continue;
		const testCase = caseFor(file);
		if (!testCase) {
			harness.fail(`examples/${file}`, new Error(`No expectation: add e2e/cases/${file.replace(/\.json$/, '.js')}`));
			continue;
		}
		await harness.test(`examples/${file}: ${workflow.name}`, async () => {
			server.reset();
			for (const [route, handler] of Object.entries(testCase.routes || {})) {
				const [method, routePath] = route.split(' ');
				server.on(method, routePath, handler);
			}
			const run = await executeWorkflow(n8n, workflow.id);
			await testCase.check({
				run,
				server,
				workflow,
				validKey: server.validKey,
				outputOf: (nodeName) => outputOf(run, nodeName),
				binaryOf: (item, property = 'data') => binaryOf(item, property, n8n.userFolder),
			});
		});
	}
}

module.exports = { runWorkflowCases };
