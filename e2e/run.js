'use strict';
/**
 * `npm run test:e2e`: the package inside a real n8n.
 *  1. installs the pinned n8n once (cached in ~/.cache/n8n-nodes-nanogpt/), builds and packs this package and
 *     installs the tarball into a fresh n8n user folder, as a user's install would;
 *  2. starts a fake NanoGPT server on 127.0.0.1, imports a credential pointing at it and every example workflow;
 *  3. executes each example with `n8n execute` and checks requests, output items and binary files (e2e/cases/);
 *  4. starts `n8n start`: the editor check in Chromium (creates the owner, opens an example, screenshots), then the
 *     REST checks (node, AI-tool variant and credential type registered; credential test with a broken key).
 * Prints `N passed, N failed` last and exits non-zero on any failure.
 *  5. runs `npm start` itself (its own instance and user folder) and checks that an API error keeps its HTTP code.
 * Options: --only=<example name part> (repeatable), --skip-workflows, --skip-editor, --skip-server, --skip-start, --skip-build. N8N_LINE=1 runs the
 * same suite against n8n 1.x.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Harness } = require('./harness');
const { FakeNanoGptServer } = require('./fakeNanoGptServer');
const { runWorkflowCases } = require('./workflows');
const { runStoredSecretsChecks } = require('./storedSecrets');
const { runRegistrationChecks } = require('./registration');
const { runEditorCheck } = require('./editor');
const { runNpmStartCheck } = require('./npmStart');
const { N8nRestClient, E2E_OWNER } = require('./rest');
const { ensureN8n } = require('../scripts/n8n/install');
const { selectedProfile } = require('../scripts/n8n/profiles');
const { n8nEnvironment } = require('../scripts/n8n/environment');
const { installPackageInto } = require('../scripts/n8n/installPackage');
const { runN8nCommandOrThrow, startN8nServer } = require('../scripts/n8n/cli');
const { credentialFile, workflowsFile } = require('../scripts/n8n/examples');
const { freePort } = require('../scripts/n8n/ports');

function parseArgs(argv) {
	const options = { only: [], skipEditor: false, skipServer: false, skipBuild: false, skipWorkflows: false, skipStart: false };
	for (const arg of argv) {
		if (arg.startsWith('--only=')) options.only.push(arg.slice('--only='.length));
		else if (arg === '--skip-editor') options.skipEditor = true;
		else if (arg === '--skip-server') options.skipServer = true;
		else if (arg === '--skip-build') options.skipBuild = true;
		else if (arg === '--skip-workflows') options.skipWorkflows = true;
		else if (arg === '--skip-start') options.skipStart = true;
		else throw new Error(`Unknown option ${arg}`);
	}
	return options;
}

function stage(title) {
	process.stdout.write(`\n== ${title}\n`);
}

async function prepare(options, server, userFolder) {
	const profile = selectedProfile();
	const runtime = ensureN8n(profile);
	stage(`n8n ${profile.n8n} on Node ${runtime.nodeVersion}`);
	installPackageInto(userFolder, { skipBuild: options.skipBuild });
	const port = Number(process.env.E2E_N8N_PORT) || (await freePort());
	const env = n8nEnvironment(runtime, {
		userFolder,
		port,
		brokerPort: await freePort(),
		// `n8n execute` prints the run data through its logger at level info.
		extra: { N8N_LOG_LEVEL: 'info' },
	});
	await server.start();
	stage(`importing the credential (fake NanoGPT at ${server.baseUrl}) and the example workflows`);
	await runN8nCommandOrThrow(runtime, env, ['import:credentials', `--input=${credentialFile(userFolder, { apiKey: server.validKey, baseUrl: server.baseUrl })}`]);
	await runN8nCommandOrThrow(runtime, env, ['import:workflow', `--input=${workflowsFile(userFolder)}`]);
	return { runtime, env, userFolder, port, profile };
}

async function serverChecks(harness, n8n, server, options) {
	stage(`n8n start on port ${n8n.port}`);
	const instance = await startN8nServer(n8n.runtime, n8n.env, { port: n8n.port });
	try {
		const origin = `http://127.0.0.1:${n8n.port}`;
		if (!options.skipEditor) {
			stage('editor check (Chromium)');
			await runEditorCheck(harness, { origin, owner: E2E_OWNER, line: n8n.profile.line, server });
		}
		stage('registration and credential test (REST API)');
		const rest = new N8nRestClient(origin);
		await rest.signIn(E2E_OWNER);
		await runRegistrationChecks(harness, { rest, server, line: n8n.profile.line });
	} finally {
		await instance.stop();
	}
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const harness = new Harness();
	const server = new FakeNanoGptServer();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nanogpt-e2e-'));
	let n8n;
	try {
		n8n = await prepare(options, server, userFolder);
		if (!options.skipWorkflows) {
			stage('example workflows (n8n execute)');
			await runWorkflowCases(harness, n8n, server, { only: options.only.length ? options.only : undefined });
			if (!options.only.length || options.only.some((filter) => 'stored-secrets'.includes(filter))) {
				stage('stored execution data holds no API key');
				await runStoredSecretsChecks(harness, n8n, server);
			}
		}
		if (!options.skipServer) {
			try {
				await serverChecks(harness, n8n, server, options);
			} catch (error) {
				harness.fail('n8n start and the checks on the running instance', error);
			}
		}
		if (!options.skipStart && n8n.profile.line === '2') {
			stage('npm start (its own instance and user folder)');
			await runNpmStartCheck(harness, { server, runtime: n8n.runtime });
		} else if (!options.skipStart) {
			// The check runs the example through n8n 2.x's editor API (POST /rest/workflows/<id>/run).
			process.stdout.write(`  - npm start check: not applicable on n8n ${n8n.profile.line}.x (it uses n8n 2.x's manual-run API)\n`);
		}
	} catch (error) {
		harness.fail('setting up n8n for the end-to-end tests', error);
	} finally {
		await server.stop();
		if (!process.env.E2E_KEEP_USER_FOLDER) fs.rmSync(userFolder, { recursive: true, force: true });
		else process.stdout.write(`(kept the n8n user folder ${userFolder})\n`);
	}
	process.exitCode = harness.summary();
}

main();
