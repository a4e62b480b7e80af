'use strict';
/**
 * `npm start`: installs the pinned n8n once (cached), builds and installs this package into the git-ignored
 * .n8n-data/ user folder, creates the NanoGPT credential when NANOGPT_API_KEY is set, imports the example
 * workflows, then runs n8n in the foreground at http://localhost:5678 (N8N_PORT to change). Ctrl+C stops it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { ensureN8n } = require('./install');
const { n8nEnvironment } = require('./environment');
const { installPackageInto } = require('./installPackage');
const { runN8nCommandOrThrow } = require('./cli');
const { EXAMPLE_CREDENTIAL, loadExamples, credentialFile, workflowsFile } = require('./examples');
const { START_USER_FOLDER } = require('./paths');

const IMPORTED_EXAMPLES = path.join(START_USER_FOLDER, 'imported-examples.json');

function log(message) {
	process.stdout.write(`[start] ${message}\n`);
}

function importedExampleIds() {
	try {
		return JSON.parse(fs.readFileSync(IMPORTED_EXAMPLES, 'utf8'));
	} catch {
		return [];
	}
}

async function importCredential(runtime, env) {
	const apiKey = (process.env.NANOGPT_API_KEY || '').trim();
	if (!apiKey) {
		log('NANOGPT_API_KEY is not set: add the credential in the editor (Credentials > Add credential > NanoGPT API)');
		log(`and name it "${EXAMPLE_CREDENTIAL.name}" so the example workflows find it.`);
		return;
	}
	const file = credentialFile(START_USER_FOLDER, { apiKey, baseUrl: process.env.NANOGPT_BASE_URL });
	try {
		await runN8nCommandOrThrow(runtime, env, ['import:credentials', `--input=${file}`]);
		log(`credential "${EXAMPLE_CREDENTIAL.name}" saved with the key from NANOGPT_API_KEY`);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** Imports the examples not imported before, so edits a user made to an imported example are kept. */
async function importExamples(runtime, env) {
	const done = importedExampleIds();
	const fresh = loadExamples().filter((example) => !done.includes(example.workflow.id));
	if (fresh.length === 0) return;
	const file = workflowsFile(START_USER_FOLDER, fresh);
	try {
		await runN8nCommandOrThrow(runtime, env, ['import:workflow', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
	fs.writeFileSync(IMPORTED_EXAMPLES, JSON.stringify([...done, ...fresh.map((example) => example.workflow.id)], null, 2));
	log(`imported ${fresh.length} example workflow(s): ${fresh.map((example) => example.workflow.name).join('; ')}`);
}

async function main() {
	const runtime = ensureN8n();
	const port = Number(process.env.N8N_PORT || 5678);
	fs.mkdirSync(START_USER_FOLDER, { recursive: true });
	installPackageInto(START_USER_FOLDER);
	const env = n8nEnvironment(runtime, { userFolder: START_USER_FOLDER, port });
	await importCredential(runtime, env);
	await importExamples(runtime, env);

	log(`starting n8n at http://localhost:${port} (data in ${START_USER_FOLDER}); Ctrl+C stops it`);
	const child = spawn(runtime.nodeBinary, [runtime.n8nBin, 'start'], { env, stdio: 'inherit' });
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
