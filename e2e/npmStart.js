'use strict';
/**
 * `npm start` itself, against the fake NanoGPT: its own n8n instance (its own user folder, outside the clone) runs the
 * "Ask (simple prompt)" example from the editor's REST API with a key NanoGPT rejects. The node's API error must reach
 * the execution as the node made it (HTTP code 401, NanoGPT's words), not wrapped again by n8n: that happens when the
 * installed package resolves n8n-workflow from somewhere else than n8n (a user folder inside the clone did).
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { N8nRestClient, E2E_OWNER } = require('./rest');
const { PROJECT_ROOT } = require('../scripts/n8n/paths');
const { freePort } = require('../scripts/n8n/ports');

const WORKFLOW_ID = 'nanogptAskSimple';
const TRIGGER = "When clicking 'Execute workflow'";
const NODE_NAME = 'Summarize';
const REJECTED_KEY = 'sk-nano-rejected-by-the-fake-e2e';

function startNpmStart({ port, userFolder, baseUrl }) {
	const output = [];
	const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'n8n', 'start.js')], {
		cwd: PROJECT_ROOT,
		env: {
			...process.env,
			N8N_PORT: String(port),
			N8N_NANOGPT_USER_FOLDER: userFolder,
			N8N_NANOGPT_SKIP_BUILD: '1',
			NANOGPT_API_KEY: REJECTED_KEY,
			NANOGPT_BASE_URL: baseUrl,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group: stopping it stops the n8n it started too.
		detached: process.platform !== 'win32',
	});
	child.stdout.on('data', (chunk) => output.push(chunk));
	child.stderr.on('data', (chunk) => output.push(chunk));
	let exited = false;
	child.on('exit', () => {
		exited = true;
	});
	return {
		child,
		output: () => Buffer.concat(output).toString('utf8'),
		get exited() {
			return exited;
		},
		stop: () =>
			new Promise((resolve) => {
				if (exited) return resolve();
				child.once('exit', () => resolve());
				const signal = (name) => {
					try {
						if (process.platform === 'win32') child.kill(name);
						else process.kill(-child.pid, name);
					} catch {
						// already gone
					}
				};
				signal('SIGTERM');
				setTimeout(() => signal('SIGKILL'), 15_000).unref();
			}),
	};
}

async function waitForEditor(instance, origin, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (instance.exited) throw new Error(`npm start exited early:\n${instance.output().slice(-4000)}`);
		try {
			const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
			const settings = await fetch(`${origin}/rest/settings`, { headers: { accept: 'application/json' } });
			const text = await settings.text();
			if (page.status === 200 && settings.status === 200 && text.startsWith('{')) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`npm start did not serve the editor within ${timeoutMs / 1000} s:\n${instance.output().slice(-4000)}`);
}

/** Runs a saved workflow as the editor's "Execute workflow" does and waits for the finished execution. */
async function runFromEditor(rest, parse) {
	const started = await rest.expectOk('POST', `/rest/workflows/${WORKFLOW_ID}/run`, { triggerToStartFrom: { name: TRIGGER } });
	const { executionId } = started.json.data || started.json;
	assert.ok(executionId, `n8n started an execution: ${started.text.slice(0, 300)}`);
	for (let waited = 0; waited < 60_000; waited += 500) {
		const response = await rest.expectOk('GET', `/rest/executions/${executionId}`);
		const execution = response.json.data || response.json;
		if (execution.finished || ['error', 'success', 'crashed', 'canceled'].includes(execution.status)) {
			return { execution, data: typeof execution.data === 'string' ? parse(execution.data) : execution.data };
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`execution ${executionId} did not finish within 60 s`);
}

async function runNpmStartCheck(harness, { server, runtime }) {
	await harness.test("npm start: its own n8n shows a NanoGPT API error with its HTTP code (401), as after a user's install", async () => {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nanogpt-npm-start-'));
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		server.reset();
		const instance = startNpmStart({ port, userFolder, baseUrl: server.baseUrl });
		try {
			await waitForEditor(instance, origin, 240_000);
			assert.ok(!userFolder.startsWith(PROJECT_ROOT), 'the user folder is outside the clone');
			const rest = new N8nRestClient(origin);
			await rest.signIn(E2E_OWNER);
			// n8n stores execution data with flatted (circular references allowed): read it with n8n's own copy.
			const { parse } = require(path.join(runtime.dir, 'node_modules', 'flatted'));
			const { execution, data } = await runFromEditor(rest, parse);
			assert.equal(execution.status, 'error', `execution status: ${execution.status}`);
			const [task] = data.resultData.runData[NODE_NAME];
			const error = task.error;
			assert.ok(error, `the ${NODE_NAME} node failed: ${JSON.stringify(task).slice(0, 500)}`);
			assert.equal(error.httpCode, '401', `httpCode ${error.httpCode} (n8n shows "Error code: ${error.httpCode ?? 'none'}")`);
			assert.match(error.message, /^NanoGPT did not accept the API key/);
			assert.ok(!String(error.stack || '').includes(REJECTED_KEY), 'the key is not in the stack');
			const [request] = server.requestsTo('POST', '/v1/chat/completions');
			assert.ok(request, 'the node called NanoGPT');
			assert.equal(request.headers.authorization, `Bearer ${REJECTED_KEY}`);
			assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 1, 'a 401 is not retried');
		} catch (error) {
			error.message += `\n--- npm start's output (end) ---\n${instance.output().slice(-3000)}`;
			throw error;
		} finally {
			await instance.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	});
}

module.exports = { runNpmStartCheck };
