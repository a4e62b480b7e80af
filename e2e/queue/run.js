'use strict';
/**
 * `npm run test:queue`: the package in n8n's queue mode, as users who outgrow one n8n process run it.
 * In a temporary folder, on free 127.0.0.1 ports: PostgreSQL and Redis (Debian's packages; installed with apt-get
 * when missing and running as root), the fake NanoGPT with a rolling-window rate limit, n8n main and 2 workers
 * (worker concurrency 1, so two concurrent executions land on different workers), this package installed as a
 * community package. Imports webhook workflows (active), calls the production webhooks and checks where each
 * execution ran, the bodies NanoGPT received, binaries byte for byte in both directions with their `binary_data`
 * rows, the chat model in an AI Agent, two workers sharing one key's rate limit without losing an item, the
 * spending cap, and the logs. Every process it starts is stopped by its PID at the end, also on failure.
 * Options: --skip-build, --trials=N (load trials per limiter mode, default 1), --keep (keep the temporary folder).
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { Harness } = require('../harness');
const { FakeNanoGptServer, PNG_1X1, MP3_BYTES, MP4_BYTES } = require('../fakeNanoGptServer');
const { ensureN8n, waitForRunningInstall } = require('./install');
const { selectedProfile } = require('../../scripts/n8n/profiles');
const { n8nEnvironment } = require('../../scripts/n8n/environment');
const { installPackageInto } = require('../../scripts/n8n/installPackage');
const { runN8nCommandOrThrow } = require('../../scripts/n8n/cli');
const { credentialFile } = require('../../scripts/n8n/examples');
const { ensurePackages, startPostgres, startRedis } = require('./services');
const { ChildProcess } = require('./processes');
const { queueEnvironment, startCluster } = require('./cluster');
const { RollingWindowLimiter } = require('./rateLimiter');
const { QUEUE_WORKFLOWS, capWorkflow, CAP_USD } = require('./workflows');

const LOAD_ITEMS = 200;
const LIMIT = 25;
const LATENCY_MS = 100;

function parseArgs(argv) {
	const options = { skipBuild: false, trials: 1, keep: false };
	for (const arg of argv) {
		if (arg === '--skip-build') options.skipBuild = true;
		else if (arg === '--keep') options.keep = true;
		else if (arg.startsWith('--trials=')) options.trials = Math.max(1, Number(arg.slice('--trials='.length)) || 1);
		else throw new Error(`Unknown option ${arg}`);
	}
	return options;
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

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const stage = (title) => process.stdout.write(`\n== ${title} (${elapsed()})\n`);
const log = (message) => process.stdout.write(`[queue] ${message}\n`);
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A WAV file (RIFF header + 800 bytes of silence) uploaded to the transcription webhook. */
function sampleWav() {
	const samples = Buffer.alloc(800, 0x80);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'latin1');
	header.writeUInt32LE(36 + samples.length, 4);
	header.write('WAVEfmt ', 8, 'latin1');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20);
	header.writeUInt16LE(1, 22);
	header.writeUInt32LE(8000, 24);
	header.writeUInt32LE(8000, 28);
	header.writeUInt16LE(1, 32);
	header.writeUInt16LE(8, 34);
	header.write('data', 36, 'latin1');
	header.writeUInt32LE(samples.length, 40);
	return Buffer.concat([header, samples]);
}

class QueueSuite {
	constructor(options) {
		this.options = options;
		this.harness = new Harness();
		this.fake = new FakeNanoGptServer();
		this.limiter = new RollingWindowLimiter({ limit: LIMIT, windowMs: 1000 });
		this.executions = {};
	}

	async setUp() {
		stage('PostgreSQL, Redis and n8n');
		ensurePackages(log);
		const profile = selectedProfile();
		if (profile.line !== '2') throw new Error('The queue-mode suite runs on the n8n 2.x line only');
		await waitForRunningInstall(profile, log);
		this.runtime = ensureN8n(profile);
		this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nanogpt-queue-'));
		fs.chmodSync(this.root, 0o755);
		this.logDir = path.join(this.root, 'logs');
		fs.mkdirSync(this.logDir);
		const userFolder = path.join(this.root, 'home');
		fs.mkdirSync(userFolder);
		stage('building and installing the package as a community package');
		installPackageInto(userFolder, { skipBuild: this.options.skipBuild });
		this.hasCap = fs.readFileSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-nanogpt', 'dist', 'nodes', 'NanoGpt', 'NanoGpt.node.js'), 'utf8').includes('maxCostPerRun')
			|| fs.existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-nanogpt', 'dist', 'nodes', 'NanoGpt', 'shared', 'spendingCap.js'));

		const [pgPort, redisPort, mainPort, ...more] = await Promise.all(Array.from({ length: 9 }, freePort));
		this.mainPort = mainPort;
		stage('PostgreSQL and Redis');
		this.postgres = await startPostgres({ root: this.root, port: pgPort, logFile: path.join(this.logDir, 'postgres.log'), log });
		await startRedis({ root: this.root, port: redisPort, logFile: path.join(this.logDir, 'redis.log'), log });

		const chat = this.fake.routes['POST /v1/chat/completions'];
		this.fake.on('POST', '/v1/chat/completions', this.limiter.wrap(chat));
		await this.fake.start();
		log(`fake NanoGPT at ${this.fake.baseUrl} (rolling-window limit ${LIMIT} per second per key)`);

		const base = n8nEnvironment(this.runtime, { userFolder, port: mainPort });
		this.env = queueEnvironment({ base, postgres: this.postgres, pgPort, redisPort, encryptionKey: crypto.randomBytes(24).toString('hex') });
		stage('importing the credential and the workflows (active)');
		const workflows = [...QUEUE_WORKFLOWS, ...(this.hasCap ? [capWorkflow()] : [])];
		const workflowsJson = path.join(this.root, 'workflows.json');
		fs.writeFileSync(workflowsJson, JSON.stringify(workflows, null, 2));
		const cliEnv = Object.fromEntries(Object.entries({ ...this.env, N8N_RUNNERS_BROKER_PORT: String(more[0]) }).filter(([, value]) => value !== undefined));
		await runN8nCommandOrThrow(this.runtime, cliEnv, ['import:credentials', `--input=${credentialFile(this.root, { apiKey: this.fake.validKey, baseUrl: this.fake.baseUrl })}`]);
		await runN8nCommandOrThrow(this.runtime, cliEnv, ['import:workflow', `--input=${workflowsJson}`]);
		this.publish(workflows.map((workflow) => workflow.id));

		stage('n8n main + 2 workers (queue mode, worker concurrency 1)');
		this.cluster = await startCluster({ runtime: this.runtime, env: this.env, mainPort, brokerPorts: more.slice(1, 4), healthPorts: more.slice(4, 6), logDir: this.logDir });
		log(`main pid ${this.cluster.main.pid}, workers pid ${this.cluster.workers.map((worker) => worker.pid).join(', ')}`);
		await this.waitForWebhooks(workflows.length);
	}

	/**
	 * Publishes (activates) the imported workflows before main starts: the same write as `n8n publish:workflow --id=<id>`
	 * (WorkflowRepository.publishVersion: active, and the active version is the imported one, which must be in the
	 * workflow history), for all of them in one statement instead of one CLI start per workflow.
	 * (`import:workflow --activeState=fromJson` refuses: "User attempted to activate a workflow without permissions".)
	 */
	publish(ids) {
		const list = ids.map((id) => `'${id}'`).join(', ');
		const published = this.postgres
			.psql(
				`UPDATE workflow_entity w SET active = true, "activeVersionId" = w."versionId" WHERE w.id IN (${list}) ` +
					`AND EXISTS (SELECT 1 FROM workflow_history h WHERE h."workflowId" = w.id AND h."versionId" = w."versionId") RETURNING w.id`,
			)
			.trim()
			.split('\n')
			.filter(Boolean);
		assert.deepEqual([...published].sort(), [...ids].sort(), 'every imported workflow published');
	}

	/** Main registers the production webhooks of published workflows (rows of webhook_entity) after it is ready. */
	async waitForWebhooks(count) {
		const deadline = Date.now() + 120_000;
		for (;;) {
			const registered = Number(this.postgres.psql('SELECT count(*) FROM webhook_entity').trim());
			if (registered >= count) return log(`${registered} production webhooks registered`);
			if (Date.now() > deadline) throw new Error(`main registered ${registered} of ${count} production webhooks within 120 s`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	async call(webhookPath, body, { form } = {}) {
		const init = form ? { method: 'POST', body: form } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
		const response = await fetch(`http://127.0.0.1:${this.mainPort}/webhook/${webhookPath}`, init);
		const bytes = Buffer.from(await response.arrayBuffer());
		let json;
		if (String(response.headers.get('content-type')).includes('application/json')) json = JSON.parse(bytes.toString('utf8'));
		return { status: response.status, type: String(response.headers.get('content-type')), bytes, json };
	}

	/** The latest execution of a workflow (id, mode, status). */
	latestExecutions(workflowId, count = 1) {
		const rows = this.postgres
			.psql(`SELECT id, mode, status FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id DESC LIMIT ${count}`)
			.trim()
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const [id, mode, status] = line.split('|');
				return { id: Number(id), mode, status };
			});
		return rows.reverse();
	}

	/** Which worker ran the execution, from the logs: main enqueued it, exactly one worker started and finished it. */
	async workerOf(executionId) {
		const deadline = Date.now() + 15_000;
		for (;;) {
			const enqueued = new RegExp(`Enqueued execution ${executionId} \\(job \\d+\\)`).test(this.cluster.main.output());
			const ran = this.cluster.workers.filter(
				(worker) =>
					new RegExp(`Worker started execution ${executionId} \\(job \\d+\\)`).test(worker.output()) &&
					new RegExp(`Worker finished execution ${executionId} \\(job \\d+\\)`).test(worker.output()),
			);
			if (enqueued && ran.length === 1) return ran[0].name;
			if (Date.now() > deadline) {
				throw new Error(`execution ${executionId}: enqueued by main ${enqueued}, started and finished by ${ran.map((worker) => worker.name).join(', ') || 'no worker'}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** Records the execution of a single call and checks it ran on a worker, from a production webhook, successfully. */
	async ranOnWorker(name, workflowId) {
		const [execution] = this.latestExecutions(workflowId);
		assert.ok(execution, `an execution of ${workflowId}`);
		assert.deepEqual({ mode: execution.mode, status: execution.status }, { mode: 'webhook', status: 'success' }, `execution ${execution.id} of ${name}`);
		const worker = await this.workerOf(execution.id);
		this.executions[name] = { ...execution, worker };
		return execution;
	}

	binaryRows(executionId) {
		const columns = this.postgres.psql("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'binary_data'").trim().split('\n').map((line) => line.split('|'));
		const blob = columns.find(([, type]) => type === 'bytea');
		assert.ok(blob, 'the binary_data table has a bytea column');
		const rows = this.postgres
			.psql(`SELECT (to_jsonb(b) - '${blob[0]}')::text, encode(sha256(b."${blob[0]}"), 'hex') FROM binary_data b`)
			.trim()
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				const cut = line.lastIndexOf('|');
				return { ...JSON.parse(line.slice(0, cut)), sha256: line.slice(cut + 1) };
			});
		return executionId === undefined ? rows : rows.filter((row) => Object.values(row).some((value) => String(value) === String(executionId)));
	}

	/** A binary_data row of the execution (any row for undefined) holds exactly these bytes with this MIME type. */
	assertBinaryRow(executionId, mimeType, bytes) {
		const rows = this.binaryRows(executionId);
		const row = rows.find((candidate) => candidate.sha256 === sha256(bytes));
		assert.ok(row, `execution ${executionId}: a binary_data row holds the ${mimeType} bytes (rows: ${JSON.stringify(rows)})`);
		assert.ok(Object.values(row).includes(mimeType), `the row's MIME type is ${mimeType}: ${JSON.stringify(row)}`);
	}

	async flows() {
		stage('operations through production webhooks, run by workers');
		const { harness, fake } = this;
		await harness.test('Text > Ask: enqueued by main, run by a worker, the body NanoGPT received', async () => {
			fake.requests.length = 0;
			const answer = await this.call('q-ask', { prompt: 'ping [tag:check]' });
			assert.equal(answer.status, 200, answer.bytes.toString());
			assert.equal(answer.json.text, 'Fake answer to: ping [tag:check]');
			const [request] = fake.requestsTo('POST', '/v1/chat/completions');
			assert.equal(request.headers.authorization, `Bearer ${fake.validKey}`);
			assert.deepEqual(request.json, { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'ping [tag:check]' }] });
			await this.ranOnWorker('ask', 'queueAsk');
		});
		await harness.test('Image > Create: the PNG made on a worker comes back byte for byte from main, from a binary_data row', async () => {
			fake.requests.length = 0;
			const answer = await this.call('q-image', { prompt: 'a red square' });
			assert.equal(answer.status, 200, answer.bytes.toString());
			assert.match(answer.type, /^image\/png/);
			assert.ok(answer.bytes.equals(PNG_1X1), `PNG bytes (got ${answer.bytes.length} bytes)`);
			const [request] = fake.requestsTo('POST', '/v1/images/generations');
			assert.deepEqual(request.json, { model: 'hidream', prompt: 'a red square', n: 1, size: '1024x1024', response_format: 'b64_json' });
			const execution = await this.ranOnWorker('image', 'queueImage');
			this.assertBinaryRow(execution.id, 'image/png', PNG_1X1);
		});
		await harness.test('Audio > Create Transcription: a file uploaded to main reaches NanoGPT from a worker byte for byte', async () => {
			fake.requests.length = 0;
			const wav = sampleWav();
			const form = new FormData();
			form.append('data', new Blob([wav], { type: 'audio/wav' }), 'voice.wav');
			const answer = await this.call('q-transcribe', undefined, { form });
			assert.equal(answer.status, 200, answer.bytes.toString());
			assert.equal(answer.json.text, 'Hello from the fake transcription. The meeting moves to Friday.');
			const [request] = fake.requestsTo('POST', '/v1/audio/transcriptions');
			assert.deepEqual(request.form.fields, { model: 'Whisper-Large-V3', language: 'en' });
			const file = request.form.files.file;
			assert.equal(sha256(file.bytes), sha256(wav), 'sha256 of the upload at NanoGPT');
			await this.ranOnWorker('transcription', 'queueTranscribe');
			// Main's Webhook node stored the upload before the execution had its id: the row is not the execution's.
			this.assertBinaryRow(undefined, 'audio/wav', wav);
		});
		await harness.test('Video > Generate with wait and download: the MP4 comes back byte for byte', async () => {
			fake.requests.length = 0;
			const answer = await this.call('q-video', { prompt: 'a cat on a skateboard' });
			assert.equal(answer.status, 200, answer.bytes.toString());
			assert.match(answer.type, /^video\/mp4/);
			assert.ok(answer.bytes.equals(MP4_BYTES), `MP4 bytes (got ${answer.bytes.length} bytes)`);
			assert.equal(fake.requestsTo('POST', '/generate-video').length, 1, 'one submission');
			assert.equal(fake.requestsTo('POST', '/generate-video')[0].json.prompt, 'a cat on a skateboard');
			assert.equal(fake.requestsTo('GET', '/video/status').length, 1, 'one status poll');
			assert.equal(fake.requestsTo('GET', '/files/video.mp4').length, 1, 'one download');
			const execution = await this.ranOnWorker('video', 'queueVideo');
			this.assertBinaryRow(execution.id, 'video/mp4', MP4_BYTES);
		});
		await harness.test('Audio > Create Speech: the MP3 comes back byte for byte', async () => {
			fake.requests.length = 0;
			const answer = await this.call('q-speech', { prompt: 'Hello from the queue' });
			assert.equal(answer.status, 200, answer.bytes.toString());
			assert.match(answer.type, /^audio\/mpeg/);
			assert.ok(answer.bytes.equals(MP3_BYTES), `MP3 bytes (got ${answer.bytes.length} bytes)`);
			const [request] = fake.requestsTo('POST', '/v1/audio/speech');
			assert.deepEqual(request.json, { model: 'Kokoro-82m', input: 'Hello from the queue', voice: 'af_bella', response_format: 'mp3' });
			const execution = await this.ranOnWorker('speech', 'queueSpeech');
			this.assertBinaryRow(execution.id, 'audio/mpeg', MP3_BYTES);
		});
		await harness.test('AI Agent with the NanoGPT Chat Model, on a worker', async () => {
			fake.requests.length = 0;
			const answer = await this.call('q-agent', { prompt: 'hi [tag:agent]' });
			assert.equal(answer.status, 200, answer.bytes.toString());
			assert.equal(answer.json.output, 'Fake answer to: hi [tag:agent]');
			const [request] = fake.requestsTo('POST', '/v1/chat/completions');
			assert.equal(request.json.model, 'openai/gpt-4o-mini');
			assert.deepEqual(request.json.messages.at(-1), { role: 'user', content: 'hi [tag:agent]' });
			await this.ranOnWorker('agent', 'queueAgent');
		});
	}

	/** Two concurrent executions x 200 Ask items, one key, default settings, against the rolling-window limit. */
	async loadTrial(countRejected, trial) {
		this.limiter.reset({ countRejected, latencyMs: LATENCY_MS });
		const prompts = (run) => Array.from({ length: LOAD_ITEMS }, (_, index) => ({ prompt: `load ${trial}-${run}-${index}` }));
		const runs = [prompts('a'), prompts('b')];
		const startedAt = Date.now();
		const answers = await Promise.all(runs.map(async (batch) => await this.call('q-load', { prompts: batch })));
		const wallMs = Date.now() - startedAt;
		const stats = this.limiter.stats();
		const lost = this.limiter.unanswered(runs.flat().map((entry) => entry.prompt));
		const errorItems = answers.flatMap((answer) => (answer.json?.data ?? []).filter((item) => item.error !== undefined));
		log(
			`trial ${trial} (${countRejected ? 'limiter counts rejected requests too' : 'limiter counts accepted requests'}): ` +
				`${lost.length} lost items, ${stats.rateLimited} answers of 429, ${stats.requests} requests, busiest second ${stats.busiestWindow}, ` +
				`${stats.perSecond.toFixed(1)} req/s = ${(stats.share * 100).toFixed(0)} % of ${LIMIT}, ${(wallMs / 1000).toFixed(1)} s; accepted/429 per second: ${stats.timeline}`,
		);
		for (const answer of answers) assert.equal(answer.status, 200, answer.bytes.toString().slice(0, 500));
		assert.deepEqual(lost, [], 'every item answered');
		assert.deepEqual(errorItems, [], 'no error items');
		assert.equal(answers.map((answer) => answer.json.data.length).join(','), `${LOAD_ITEMS},${LOAD_ITEMS}`);
		const executions = this.latestExecutions('queueLoad', 2);
		assert.equal(executions.length, 2);
		for (const execution of executions) assert.deepEqual({ mode: execution.mode, status: execution.status }, { mode: 'webhook', status: 'success' });
		const workers = await Promise.all(executions.map(async (execution) => await this.workerOf(execution.id)));
		assert.notEqual(workers[0], workers[1], `the two concurrent executions ran on different workers (${workers.join(', ')})`);
		return { lost: lost.length, ...stats, wallMs };
	}

	async load() {
		stage(`load: 2 workers x ${LOAD_ITEMS} Ask items on one key, ${LIMIT} requests per rolling second, default settings`);
		for (const countRejected of [false, true]) {
			for (let trial = 1; trial <= this.options.trials; trial++) {
				await this.harness.test(
					`load trial ${trial}, ${countRejected ? 'the limiter counts rejected requests too' : 'the limiter counts accepted requests'}: two concurrent executions on different workers, no item lost`,
					async () => await this.loadTrial(countRejected, trial),
				);
			}
		}
		this.limiter.reset({ countRejected: false, latencyMs: 0 });
	}

	async spendingCap() {
		if (!this.hasCap) return;
		stage('spending cap (Max Cost per Run)');
		await this.harness.test(`Max Cost per Run $${CAP_USD}: 3 answers of $0.000042, then no request; the rest fail as paired error items`, async () => {
			this.fake.requests.length = 0;
			const prompts = Array.from({ length: 6 }, (_, index) => ({ prompt: `cap ${index}` }));
			const answer = await this.call('q-cap', { prompts });
			assert.equal(answer.status, 200, answer.bytes.toString().slice(0, 500));
			const items = answer.json.data;
			assert.equal(items.length, 6);
			assert.equal(this.fake.requestsTo('POST', '/v1/chat/completions').length, 3, 'three requests sent');
			assert.deepEqual(items.slice(0, 3).map((item) => item.text), ['cap 0', 'cap 1', 'cap 2'].map((prompt) => `Fake answer to: ${prompt}`));
			for (const item of items.slice(3)) assert.match(String(item.error), /spending cap of \$0\.0001 reached after 3 items/);
			await this.ranOnWorker('cap', 'queueCap');
		});
	}

	async logScan() {
		stage('logs');
		await this.harness.test('main and worker logs are free of errors about the package', async () => {
			const bad = [/Unrecognized node type/i, /Failed to load package/i, /cannot be read with this instance encryption key/i, /File not found/i, /Cannot find module/i];
			const findings = [];
			// The n8n install's own folder name contains "n8n-nodes-nanogpt": leave it out of lines before looking.
			const installFolder = path.resolve(this.runtime.n8nBin, '..', '..', '..', '..');
			for (const instance of [this.cluster.main, ...this.cluster.workers]) {
				for (const line of instance.output().split('\n')) {
					const text = line.split(installFolder).join('<n8n>').replace(/[^\s]*\.cache\/n8n-nodes-nanogpt[^\s]*/g, '<n8n>');
					if (bad.some((pattern) => pattern.test(text)) || (/error|fail/i.test(text) && /nanogpt/i.test(text))) findings.push(`${instance.name}: ${line.trim()}`);
				}
			}
			assert.deepEqual(findings, []);
		});
	}

	async tearDown() {
		stage('stopping every process by its PID');
		await ChildProcess.stopAll();
		await this.fake.stop();
		if (this.root && !this.options.keep) fs.rmSync(this.root, { recursive: true, force: true });
		else if (this.root) log(`kept ${this.root} (logs in ${this.logDir})`);
	}
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const suite = new QueueSuite(options);
	const interrupt = async (signal) => {
		process.stdout.write(`\n${signal}: stopping every process started\n`);
		await suite.tearDown();
		process.exit(130);
	};
	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		await suite.setUp();
		await suite.flows();
		await suite.load();
		await suite.spendingCap();
		await suite.logScan();
	} catch (error) {
		suite.harness.fail('setting up n8n in queue mode', error);
	} finally {
		await suite.tearDown();
	}
	process.stdout.write(`queue-mode suite took ${elapsed()}\n`);
	process.exitCode = suite.harness.summary();
}

main();
