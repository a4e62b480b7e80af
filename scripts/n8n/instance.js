'use strict';
/**
 * A local n8n with this package, for `npm start` and `npm run demo`: installs the pinned n8n once (cached), builds and
 * installs this package into the instance's user folder (outside the clone, see paths.js), saves the NanoGPT
 * credential, imports the example workflows not imported before, then runs n8n in the foreground.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { ensureN8n } = require('./install');
const { n8nEnvironment } = require('./environment');
const { installPackageInto } = require('./installPackage');
const { runN8nCommandOrThrow } = require('./cli');
const { EXAMPLE_CREDENTIAL, loadExamples, credentialFile, workflowsFile } = require('./examples');
const { PROJECT_ROOT, userFolder } = require('./paths');
const { freePort, portIsFree } = require('./ports');

function logger(prefix) {
	return (message) => process.stdout.write(`[${prefix}] ${message}\n`);
}

function importedExampleIds(userFolder) {
	try {
		return JSON.parse(fs.readFileSync(path.join(userFolder, 'imported-examples.json'), 'utf8'));
	} catch {
		return [];
	}
}

/** Saves the credential "NanoGPT account" (replacing an earlier one); the file with the key is removed at once. */
async function importCredential(runtime, env, userFolder, { apiKey, baseUrl }) {
	const file = credentialFile(userFolder, { apiKey, baseUrl });
	try {
		await runN8nCommandOrThrow(runtime, env, ['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** Imports the examples not imported before, so edits a user made to an imported example are kept. */
async function importExamples(runtime, env, userFolder, log) {
	const done = importedExampleIds(userFolder);
	const fresh = loadExamples().filter((example) => !done.includes(example.workflow.id));
	if (fresh.length === 0) return;
	const file = workflowsFile(userFolder, fresh);
	try {
		await runN8nCommandOrThrow(runtime, env, ['import:workflow', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
	fs.writeFileSync(
		path.join(userFolder, 'imported-examples.json'),
		JSON.stringify([...done, ...fresh.map((example) => example.workflow.id)], null, 2),
	);
	log(`imported ${fresh.length} example workflow(s): ${fresh.map((example) => example.workflow.name).join('; ')}`);
}

/**
 * Prepares the instance. `credential` ({apiKey, baseUrl}) is saved when given; `onMissingCredential` is called
 * otherwise. Resolves with what `runInForeground` needs.
 */
async function prepareInstance({ kind, credential, onMissingCredential, log = logger(kind) }) {
	const port = Number(process.env.N8N_PORT || 5678);
	if (!(await portIsFree(port))) {
		throw new Error(`Port ${port} is already in use (another n8n?). Stop it, or pick another port: N8N_PORT=${port + 1} npm ${kind === 'start' ? 'start' : 'run demo'}`);
	}
	const runtime = ensureN8n();
	const folder = userFolder(kind);
	fs.mkdirSync(folder, { recursive: true });
	const oldFolder = path.join(PROJECT_ROOT, '.n8n-data');
	if (kind === 'start' && fs.existsSync(oldFolder)) {
		log(`note: ${oldFolder} (the user folder of earlier versions of npm start) is no longer used; delete it when you no longer need it`);
	}
	// N8N_NANOGPT_SKIP_BUILD=1: the e2e suite has just built the package.
	installPackageInto(folder, { skipBuild: process.env.N8N_NANOGPT_SKIP_BUILD === '1' });
	const env = n8nEnvironment(runtime, { userFolder: folder, port, brokerPort: await freePort() });
	if (credential) {
		await importCredential(runtime, env, folder, credential);
		log(`credential "${EXAMPLE_CREDENTIAL.name}" saved${credential.baseUrl ? ` (Base URL ${credential.baseUrl})` : ''}`);
	} else if (onMissingCredential) {
		onMissingCredential(log);
	}
	await importExamples(runtime, env, folder, log);
	return { runtime, env, port, folder, log };
}

/** Runs `n8n start` in the foreground; Ctrl+C stops it (and `onExit` runs). */
function runInForeground({ runtime, env, port, folder, log }, { onExit } = {}) {
	log(`starting n8n at http://localhost:${port} (data in ${folder}); Ctrl+C stops it`);
	const child = spawn(runtime.nodeBinary, [runtime.n8nBin, 'start'], { env, stdio: 'inherit' });
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('exit', async (code, signal) => {
		if (onExit) await onExit();
		process.exit(code ?? (signal ? 0 : 1));
	});
	return child;
}

/** Prints an error without a stack trace when it is one of ours (a clear message), and exits. */
function fail(error) {
	const message = error && error.message ? error.message : String(error);
	process.stderr.write(`\n${message}\n`);
	process.exit(1);
}

module.exports = { prepareInstance, runInForeground, fail, logger };
