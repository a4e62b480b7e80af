'use strict';
// The real-n8n figures (issue 12): the pinned n8n (scripts/n8n/install.js), this package packed and installed into
// temporary n8n user folders as a user's install would, `n8n execute` per run, a loopback server in its own process.
//  cpu:   Manual Trigger -> Edit Fields (array of N) -> Split Out -> node under test, N = 1 and N = 500, pacing off.
//         CPU ms per item = (median CPU(500) - median CPU(1)) / 499 of the `n8n execute` process tree, for this
//         package's Ask, n8n's OpenAI node 1.8 (Chat Completions) and 2.3 (Responses), and Ask in a build whose
//         node holds only the Text resource. Variants interleaved, rotated each round.
//  rate:  300 Ask items, default settings, against a server allowing 25 requests per rolling second.
//  media: peak RSS growth of the n8n process for a 50 MB video download, a 25 MB speech answer and a 25 MB
//         transcription upload (file read by Read/Write Files from Disk), in the filesystem and database
//         binary-data modes: peak VmHWM with the large file minus peak VmHWM with a 1 kB one.
// Parts: BENCH_REAL_PARTS=cpu,rate,media (default all); BENCH_QUICK=1 for fewer rounds; BENCH_REAL_ROUNDS overrides;
// BENCH_REAL_N sets the large item count (default 500).
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { chooseNode, ensureN8n } = require('../../scripts/n8n/install');
const { selectedProfile } = require('../../scripts/n8n/profiles');
const { cacheRoot, installDir } = require('../../scripts/n8n/paths');
const { n8nEnvironment } = require('../../scripts/n8n/environment');
const { runN8nCommandOrThrow } = require('../../scripts/n8n/cli');
const { parseExecuteOutput, errorOf, resultDataOf } = require('../../e2e/runData');
const { median, runScenario } = require('../lib/measure');
const { startFakeServer } = require('../lib/server');
const { runMeasured } = require('../lib/n8nProcess');
const { preparePackages, installTarball, describeBuild } = require('../lib/n8nPackages');
const { credentials, itemsWorkflow, mediaWorkflow } = require('../lib/n8nWorkflows');

const PARTS = (process.env.BENCH_REAL_PARTS || 'cpu,rate,media').split(',').map((part) => part.trim());
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_REAL_ROUNDS || (QUICK ? 2 : 5));
const MEDIA_REPEATS = Number(process.env.BENCH_MEDIA_REPEATS || (QUICK ? 1 : 2));
const LARGE_N = Number(process.env.BENCH_REAL_N || 500);
const VARIANTS = ['ours', 'openAi18', 'openAi23', 'oursTextOnly'];
const RATE_ITEMS = 300;
const RATE_LIMIT = 25;
const MB = 1000 * 1000;
const MEDIA = { video: 50 * MB, speech: 25 * MB, transcription: 25 * MB };
const SMALL_FILE = 1000;
const NODE = 'Node under test';

function log(message) {
	process.stdout.write(`[real-n8n] ${message}\n`);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

const workflowId = (variant, count) => `bench${variant}N${count}`;
let crashesAtExit = 0;

/** A fresh n8n user folder with a package installed, the credentials and the workflows imported. */
async function userFolder(runtime, workDir, name, tarball, { baseUrl, workflows, filesDir }) {
	const folder = path.join(workDir, name);
	fs.mkdirSync(folder, { recursive: true });
	installTarball(tarball, folder);
	const env = n8nEnvironment(runtime, {
		userFolder: folder,
		port: await freePort(),
		extra: {
			// `n8n execute` prints the run data through its logger at level info.
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		},
	});
	const credentialFile = path.join(folder, 'bench-credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify(credentials(baseUrl)));
	await runN8nCommandOrThrow(runtime, env, ['import:credentials', `--input=${credentialFile}`]);
	const workflowFile = path.join(folder, 'bench-workflows.json');
	fs.writeFileSync(workflowFile, JSON.stringify(workflows));
	await runN8nCommandOrThrow(runtime, env, ['import:workflow', `--input=${workflowFile}`]);
	return { folder, env };
}

/** `n8n execute` of one workflow, measured; throws unless it succeeded. Returns the measurement and the run data. */
async function execute(runtime, instance, id, { sampleMemory = false, env = {}, allowFailure = false } = {}) {
	const timesFile = path.join(instance.folder, 'times.txt');
	const result = await runMeasured(runtime, { ...instance.env, ...env }, ['execute', `--id=${id}`, '--rawOutput'], { sampleMemory, timesFile });
	let run;
	try {
		run = parseExecuteOutput(result.stdout);
	} catch (error) {
		throw new Error(`n8n execute --id=${id} exited with ${result.code ?? result.signal}: ${error.message}\n${result.stderr.slice(-2000)}`);
	}
	const error = errorOf(run);
	// n8n 2.41.1 sometimes ends with a segmentation fault while shutting down after a successful execution (exit 139);
	// the run data is complete and the CPU time is counted, so such a run is kept (and counted in `crashesAtExit`).
	const crashedAtExit = !error && result.code !== 0 && run.status === 'success';
	if (crashedAtExit) crashesAtExit++;
	if (!allowFailure && (error || (result.code !== 0 && !crashedAtExit))) {
		throw new Error(`n8n execute --id=${id} failed: ${error ? `${error.message} ${error.description ?? ''}` : `exit ${result.code}`}\n${result.stderr.slice(-1500)}`);
	}
	const runs = resultDataOf(run).runData[NODE] ?? [];
	const last = runs[runs.length - 1];
	const items = last?.data?.main?.[0] ?? [];
	return { ...result, run, error, items, nodeMs: last?.executionTime, nodeError: last?.error };
}

async function measureCpu(runtime, instances) {
	const cpu = Object.fromEntries(VARIANTS.map((variant) => [variant, { 1: [], [LARGE_N]: [] }]));
	const nodeMs = Object.fromEntries(VARIANTS.map((variant) => [variant, { 1: [], [LARGE_N]: [] }]));
	const instanceOf = (variant) => (variant === 'oursTextOnly' ? instances.textOnly : instances.full);
	const run = async (variant, count) => {
		const result = await execute(runtime, instanceOf(variant), workflowId(variant, count));
		if (result.items.length !== count) throw new Error(`${variant} x${count}: ${result.items.length} items out, expected ${count}`);
		const failed = result.items.filter((item) => item.json?.error !== undefined).length;
		if (failed) throw new Error(`${variant} x${count}: ${failed} items failed`);
		return result;
	};
	log(`cpu: warm-up (one N=1 run of each variant)`);
	for (const variant of VARIANTS) await run(variant, 1);
	for (let round = 0; round < ROUNDS; round++) {
		const order = VARIANTS.map((_, index) => VARIANTS[(index + round) % VARIANTS.length]);
		for (const variant of order) {
			const counts = round % 2 ? [LARGE_N, 1] : [1, LARGE_N];
			for (const count of counts) {
				const result = await run(variant, count);
				cpu[variant][count].push(result.cpuMs);
				nodeMs[variant][count].push(result.nodeMs);
			}
		}
		log(
			`cpu: round ${round + 1}/${ROUNDS}: ${VARIANTS.map((variant) => `${variant} ${((cpu[variant][LARGE_N][round] - cpu[variant][1][round]) / (LARGE_N - 1)).toFixed(1)}`).join(', ')} ms/item (load ${os.loadavg()[0].toFixed(1)})`,
		);
	}
	const perItem = {};
	for (const variant of VARIANTS) {
		const one = median(cpu[variant][1]);
		const large = median(cpu[variant][LARGE_N]);
		const rounds = cpu[variant][LARGE_N].map((value, index) => (value - cpu[variant][1][index]) / (LARGE_N - 1));
		const nodeMsPerItem = (median(nodeMs[variant][LARGE_N]) - median(nodeMs[variant][1])) / (LARGE_N - 1);
		perItem[variant] = { msPerItem: (large - one) / (LARGE_N - 1), cpuMsN1: one, cpuMsN500: large, min: Math.min(...rounds), max: Math.max(...rounds), nodeMsPerItem };
	}
	return {
		rounds: ROUNDS,
		items: LARGE_N,
		perItem,
		oursVsOpenAi18: perItem.ours.msPerItem / perItem.openAi18.msPerItem,
		fullVsTextOnly: perItem.ours.msPerItem / perItem.oursTextOnly.msPerItem,
		// The node's own time per item inside n8n (run data executionTime): the same Ask in two builds differs only in
		// the node's description, and this figure is free of the whole process's start-up noise.
		fullVsTextOnlyNode: perItem.ours.nodeMsPerItem / perItem.oursTextOnly.nodeMsPerItem,
	};
}

async function measureRate(runtime, instance, server) {
	await server.configure({ rateLimit: RATE_LIMIT, rateWindowMs: 1000, retryAfterSeconds: 1, latencyMs: 0 });
	await new Promise((resolve) => setTimeout(resolve, 1100));
	const result = await execute(runtime, instance, 'benchrate', { allowFailure: true });
	const stats = await server.stats();
	await server.configure({ rateLimit: 0 });
	const succeeded = result.items.filter((item) => item.json?.error === undefined).length;
	const perSecond = result.nodeMs ? (succeeded / result.nodeMs) * 1000 : 0;
	return {
		items: RATE_ITEMS,
		limit: RATE_LIMIT,
		nodeMs: result.nodeMs,
		succeeded,
		failed: RATE_ITEMS - succeeded,
		rateLimited: stats.rateLimited,
		requests: stats.requests,
		perSecond,
		share: perSecond / RATE_LIMIT,
		error: result.error?.message,
	};
}

async function measureMedia(runtime, instance, server, filesDir) {
	const files = { small: path.join(filesDir, 'small.mp3'), large: path.join(filesDir, 'large.mp3') };
	const writeAudio = (file, bytes) => {
		const buffer = Buffer.alloc(bytes, 0x2a);
		Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1').copy(buffer);
		fs.writeFileSync(file, buffer);
	};
	writeAudio(files.small, SMALL_FILE);
	writeAudio(files.large, MEDIA.transcription);
	const peaks = {};
	for (let repeat = 0; repeat < MEDIA_REPEATS; repeat++) {
		for (const mode of ['filesystem', 'database']) {
			for (const kind of Object.keys(MEDIA)) {
				for (const size of repeat % 2 ? ['large', 'small'] : ['small', 'large']) {
					const bytes = size === 'large' ? MEDIA[kind] : SMALL_FILE;
					await server.configure({ rateLimit: 0, videoBytes: bytes, speechBytes: bytes });
					const result = await execute(runtime, instance, `benchmedia${kind}${size}`, {
						sampleMemory: true,
						env: { N8N_DEFAULT_BINARY_DATA_MODE: mode },
					});
					const item = result.items[0];
					if (!item) throw new Error(`media ${kind} ${size} (${mode}): no output item`);
					if (kind !== 'transcription' && !item.binary?.data) throw new Error(`media ${kind} ${size} (${mode}): no binary in the output`);
					if (kind === 'transcription' && (await server.stats()).uploadBytes < bytes) throw new Error(`media transcription ${size} (${mode}): the upload did not reach the server`);
					const key = `${mode}.${kind}`;
					peaks[key] ??= { small: [], large: [] };
					peaks[key][size].push(result.peakRssBytes);
				}
			}
		}
	}
	const figures = {};
	for (const [key, { small, large }] of Object.entries(peaks)) {
		const [mode, kind] = key.split('.');
		const growth = Math.max(0, median(large) - median(small));
		figures[key] = { mode, kind, fileBytes: MEDIA[kind], growthBytes: growth, multiple: growth / MEDIA[kind], peakSmallBytes: median(small), peakLargeBytes: median(large) };
	}
	return { repeats: MEDIA_REPEATS, figures };
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The pinned n8n; when another process is installing it right now, waits for that install instead of starting one. */
async function pinnedN8n(profile) {
	const dir = installDir(profile, chooseNode(profile));
	const marker = path.join(dir, '.n8n-nodes-nanogpt-installed.json');
	const deadline = Date.now() + 30 * 60_000;
	let told = false;
	while (!fs.existsSync(marker) && Date.now() < deadline) {
		const prefix = `${path.basename(dir)}.partial-`;
		const installing = (entry) => entry.startsWith(prefix) && isAlive(Number(entry.slice(prefix.length)));
		const partial = fs.existsSync(cacheRoot()) && fs.readdirSync(cacheRoot()).some(installing);
		if (!partial) break;
		if (!told) log(`waiting for the n8n ${profile.n8n} install another process is running in ${cacheRoot()}`);
		told = true;
		await new Promise((resolve) => setTimeout(resolve, 10_000));
	}
	return ensureN8n(profile);
}

async function main() {
	const started = Date.now();
	const profile = selectedProfile();
	const runtime = await pinnedN8n(profile);
	const load = { start: os.loadavg() };
	const packages = preparePackages({ textOnly: PARTS.includes('cpu') });
	const builds = { full: describeBuild(packages.full.dir), textOnly: packages.textOnly ? describeBuild(packages.textOnly.dir) : undefined };
	// Removed on every way out, Ctrl-C included (bench/lib/n8nProcess.js exits the process on signals).
	const removeTemp = () => {
		if (!process.env.BENCH_KEEP_TEMP) fs.rmSync(packages.workDir, { recursive: true, force: true });
	};
	process.on('exit', removeTemp);
	const server = await startFakeServer({});
	const filesDir = path.join(packages.workDir, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	try {
		const workflows = [];
		if (PARTS.includes('cpu')) for (const variant of VARIANTS.filter((name) => name !== 'oursTextOnly')) for (const count of [1, LARGE_N]) workflows.push(itemsWorkflow(workflowId(variant, count), variant, count, { requestSettings: { maxRequestsPerSecond: 0 } }));
		if (PARTS.includes('rate')) workflows.push(itemsWorkflow('benchrate', 'ours', RATE_ITEMS, { requestSettings: {} }));
		if (PARTS.includes('media')) {
			for (const kind of Object.keys(MEDIA)) {
				for (const size of ['small', 'large']) workflows.push(mediaWorkflow(`benchmedia${kind}${size}`, kind, { file: path.join(filesDir, `${size}.mp3`) }));
			}
		}
		log(`n8n ${profile.n8n}: installing the package into temporary user folders`);
		const textWorkflows = [1, LARGE_N].map((count) => itemsWorkflow(workflowId('oursTextOnly', count), 'oursTextOnly', count, { requestSettings: { maxRequestsPerSecond: 0 } }));
		const [full, textOnly] = await Promise.all([
			userFolder(runtime, packages.workDir, 'full', packages.full.tarball, { baseUrl: server.baseUrl, workflows, filesDir }),
			packages.textOnly ? userFolder(runtime, packages.workDir, 'text-only', packages.textOnly.tarball, { baseUrl: server.baseUrl, workflows: textWorkflows, filesDir }) : undefined,
		]);
		const instances = { full, textOnly };
		const result = { n8n: profile.n8n, node: profile.node, builds };
		// One part failing does not lose the others' figures.
		const part = async (name, fn) => {
			if (!PARTS.includes(name)) return;
			try {
				result[name] = await fn();
			} catch (error) {
				log(`${name} failed: ${error.message}`);
				result[name] = { failed: String(error.message ?? error) };
			}
		};
		await part('rate', () => {
			log('rate: 300 Ask items, default settings, 25 requests per rolling second');
			return measureRate(runtime, instances.full, server);
		});
		await part('media', () => {
			log('media: video 50 MB, speech 25 MB, transcription 25 MB in filesystem and database binary-data modes');
			return measureMedia(runtime, instances.full, server, filesDir);
		});
		await part('cpu', () => measureCpu(runtime, instances));
		load.end = os.loadavg();
		return { ...result, load, crashesAtExit, seconds: (Date.now() - started) / 1000 };
	} finally {
		server.stop();
		if (!process.env.BENCH_KEEP_TEMP) fs.rmSync(packages.workDir, { recursive: true, force: true });
		else log(`kept ${packages.workDir}`);
	}
}

runScenario(main);
