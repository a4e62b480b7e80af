'use strict';
/**
 * Issue 11, item 2, in a real n8n: the API key never reaches n8n's stored execution data. The credential is switched
 * to a key that looks like no NanoGPT key (only knowing the key can redact it), the fake NanoGPT echoes that key in
 * answers of every kind (a 200 HTML page, a 400, a 202 ticket without an ID, a 401 to the chat model, a successful
 * answer), both nodes run failing and succeeding executions, and then n8n's SQLite database files (with their WAL
 * and journal) are scanned for the key, as it is and base64-encoded. Markers of each run prove the data was stored.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { runN8nCommand, runN8nCommandOrThrow } = require('../scripts/n8n/cli');
const { credentialFile, loadExamples } = require('../scripts/n8n/examples');
const { parseExecuteOutput, errorOf, outputOf } = require('./runData');

/** A self-hosted proxy's key: neither sk-nano- nor a UUID, so no pattern catches it. */
const PROXY_KEY = 'proxy-e2e-Vq7Lm2Xc9Rt4Zp';

function workflowOf(file) {
	const example = loadExamples().find((candidate) => candidate.file === file);
	if (!example) throw new Error(`No example ${file}`);
	return example.workflow;
}

/** The runs: [example file, what it proves, fake-server routes, expected outcome, optional check]. */
function scenarios(line) {
	const runs = [
		{
			file: 'text-ask-simple.json',
			name: 'Ask, a 200 HTML page from a proxy quoting the key',
			routes: {
				'POST /v1/chat/completions': {
					headers: { 'content-type': 'text/html' },
					body: `<html><head><title>Proxy login for ${PROXY_KEY}</title></head><body>key=${PROXY_KEY}</body></html>`,
				},
			},
			fails: /NanoGPT sent a response that is not a JSON object/,
			marker: 'Proxy login for [redacted]',
		},
		{
			file: 'text-ask-simple.json',
			name: 'Ask, a 400 quoting the key',
			routes: { 'POST /v1/chat/completions': { status: 400, json: { error: { message: `Key ${PROXY_KEY} may not use this model` } } } },
			fails: /NanoGPT rejected the request: Key \[redacted\] may not use this model/,
			marker: 'Key [redacted] may not use this model',
		},
		{
			file: 'text-ask-simple.json',
			name: 'Ask, a successful answer echoing the key',
			routes: {
				'POST /v1/chat/completions': {
					json: {
						id: 'chatcmpl-e2e-secret',
						model: 'openai/gpt-4o-mini',
						choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `Echo of ${PROXY_KEY}` } }],
						usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
					},
				},
			},
			check(run) {
				assert.equal(outputOf(run, 'Summarize')[0].json.text, 'Echo of [redacted]');
			},
			marker: 'Echo of [redacted]',
		},
		{
			file: 'video-generate-and-wait.json',
			name: 'Video > Generate, a ticket without an ID quoting the key',
			routes: { 'POST /generate-video': { status: 202, json: { status: 'pending', note: `ticket for ${PROXY_KEY}` } } },
			fails: /NanoGPT accepted the video request but returned no request ID/,
			marker: 'ticket for [redacted]',
		},
	];
	if (String(line) === '2') {
		runs.push(
			{
				file: 'ai-agent-nanogpt-chat-model.json',
				name: 'NanoGPT Chat Model, a 401 quoting the key',
				routes: { 'POST /v1/chat/completions': { status: 401, json: { error: { message: `The key ${PROXY_KEY} was revoked` } } } },
				fails: /./,
				marker: 'The key [redacted] was revoked',
			},
			{
				file: 'ai-agent-nanogpt-chat-model.json',
				name: 'NanoGPT Chat Model, a successful answer',
				routes: {
					'POST /v1/chat/completions': {
						json: {
							id: 'chatcmpl-e2e-agent-secret',
							model: 'openai/gpt-5.2',
							choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Stored-secrets check answer.' } }],
							usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
						},
					},
				},
				marker: 'Stored-secrets check answer.',
			},
		);
	}
	return runs;
}

/** n8n's SQLite database and its side files in the user folder. */
function databaseFiles(userFolder) {
	const folder = path.join(userFolder, '.n8n');
	return fs
		.readdirSync(folder)
		.filter((name) => name.startsWith('database.sqlite'))
		.map((name) => path.join(folder, name));
}

async function useKey(n8n, server, apiKey) {
	server.validKey = apiKey;
	await runN8nCommandOrThrow(n8n.runtime, n8n.env, ['import:credentials', `--input=${credentialFile(n8n.userFolder, { apiKey, baseUrl: server.baseUrl })}`]);
}

async function runScenario(n8n, server, scenario) {
	server.reset();
	for (const [route, handler] of Object.entries(scenario.routes)) {
		const [method, routePath] = route.split(' ');
		server.on(method, routePath, handler);
	}
	const workflow = workflowOf(scenario.file);
	const result = await runN8nCommand(n8n.runtime, n8n.env, ['execute', `--id=${workflow.id}`, '--rawOutput']);
	const run = parseExecuteOutput(result.stdout);
	const error = errorOf(run);
	if (scenario.fails) {
		assert.ok(error, `${scenario.name}: the execution should fail`);
		assert.match(`${error.message} ${error.description || ''}`, scenario.fails);
	} else {
		assert.ok(!error, `${scenario.name}: the execution failed: ${error && error.message}`);
		if (scenario.check) scenario.check(run);
	}
	assert.ok(server.requests.length > 0, `${scenario.name}: the fake NanoGPT received the request`);
}

async function runStoredSecretsChecks(harness, n8n, server) {
	await harness.test('stored execution data (SQLite) never holds the API key, after failing and succeeding runs of both nodes', async () => {
		const originalKey = server.validKey;
		const runs = scenarios(n8n.profile.line);
		await useKey(n8n, server, PROXY_KEY);
		try {
			for (const scenario of runs) await runScenario(n8n, server, scenario);
		} finally {
			server.reset();
			await useKey(n8n, server, originalKey);
		}
		const files = databaseFiles(n8n.userFolder);
		assert.ok(files.length > 0, 'n8n has a SQLite database in the user folder');
		const stored = Buffer.concat(files.map((file) => fs.readFileSync(file)));
		for (const scenario of runs) {
			assert.ok(stored.includes(Buffer.from(scenario.marker)), `the execution data of "${scenario.name}" is stored (marker "${scenario.marker}")`);
		}
		for (const form of [PROXY_KEY, Buffer.from(PROXY_KEY).toString('base64')]) {
			const at = stored.indexOf(Buffer.from(form));
			assert.equal(at, -1, `the key (${form === PROXY_KEY ? 'as it is' : 'base64'}) is stored: ...${stored.subarray(Math.max(0, at - 120), at + 40).toString('latin1')}...`);
		}
		process.stdout.write(`    scanned ${files.length} database file(s), ${stored.length} bytes, after ${runs.length} executions\n`);
	});
}

module.exports = { runStoredSecretsChecks, PROXY_KEY };
