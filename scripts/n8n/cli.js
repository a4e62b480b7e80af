'use strict';
const { spawn } = require('node:child_process');

/** Runs an n8n CLI command (import:workflow, execute, ...) to completion and collects its output. */
function runN8nCommand(runtime, env, args, { timeoutMs = 180_000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(runtime.nodeBinary, [runtime.n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code,
				signal,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			});
		});
	});
}

/** Like runN8nCommand, but throws with n8n's output when the command fails. */
async function runN8nCommandOrThrow(runtime, env, args, options) {
	const result = await runN8nCommand(runtime, env, args, options);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited with ${result.code ?? result.signal}\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

/**
 * Starts `n8n start` in the background; resolves once the editor page is served (GET /healthz answers 200 earlier,
 * before the editor routes exist).
 */
async function startN8nServer(runtime, env, { port, timeoutMs = 180_000, onOutput } = {}) {
	const child = spawn(runtime.nodeBinary, [runtime.n8nBin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = [];
	const collect = (chunk) => {
		output.push(chunk);
		if (onOutput) onOutput(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	let exited = false;
	child.on('exit', () => {
		exited = true;
	});
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited) throw new Error(`n8n start exited early:\n${Buffer.concat(output).toString('utf8')}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
			if (response.status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	if (Date.now() >= deadline) {
		child.kill('SIGKILL');
		throw new Error(`n8n did not serve its editor within ${timeoutMs / 1000} s:\n${Buffer.concat(output).toString('utf8')}`);
	}
	return {
		child,
		output: () => Buffer.concat(output).toString('utf8'),
		stop: () =>
			new Promise((resolve) => {
				if (exited) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
			}),
	};
}

module.exports = { runN8nCommand, runN8nCommandOrThrow, startN8nServer };
