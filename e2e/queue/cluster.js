'use strict';
/** n8n in queue mode: one main instance and workers on one PostgreSQL database and one Redis, each on its own ports. */
const path = require('node:path');
const { spawn } = require('node:child_process');

const { ChildProcess } = require('./processes');

/** Environment shared by main and every worker (the same database, Redis, encryption key and user folder). */
function queueEnvironment({ base, postgres, pgPort, redisPort, encryptionKey }) {
	return {
		...base,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		N8N_ENCRYPTION_KEY: encryptionKey,
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_LOG_LEVEL: 'info',
		// Leave the binary-data mode unset: n8n's default in queue mode (database) is what users get.
		N8N_DEFAULT_BINARY_DATA_MODE: undefined,
		N8N_RUNNERS_ENABLED: undefined,
	};
}

function startN8nProcess(runtime, name, args, env, logDir) {
	const clean = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
	const child = spawn(runtime.nodeBinary, [runtime.n8nBin, ...args], { env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
	return new ChildProcess(name, child, path.join(logDir, `${name}.log`));
}

async function waitForReady(processHandle, url, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (processHandle.exited) throw new Error(`${processHandle.name} exited early:\n${processHandle.output().slice(-4000)}`);
		try {
			const response = await fetch(url);
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`${processHandle.name} was not ready at ${url} within ${timeoutMs / 1000} s:\n${processHandle.output().slice(-4000)}`);
}

/** Starts main and the workers at once (the database is migrated by the imports before) and waits until all are ready. */
async function startCluster({ runtime, env, mainPort, brokerPorts, healthPorts, logDir, workerConcurrency = 1, timeoutMs = 300_000 }) {
	const main = startN8nProcess(runtime, 'main', ['start'], { ...env, N8N_PORT: String(mainPort), N8N_RUNNERS_BROKER_PORT: String(brokerPorts[0]), WEBHOOK_URL: `http://127.0.0.1:${mainPort}/` }, logDir);
	const workers = healthPorts.map((healthPort, index) =>
		startN8nProcess(
			runtime,
			`worker${index + 1}`,
			['worker', `--concurrency=${workerConcurrency}`],
			{
				...env,
				N8N_RUNNERS_BROKER_PORT: String(brokerPorts[index + 1]),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
			logDir,
		),
	);
	await Promise.all([
		waitForReady(main, `http://127.0.0.1:${mainPort}/healthz/readiness`, timeoutMs),
		...workers.map(async (worker, index) => await waitForReady(worker, `http://127.0.0.1:${healthPorts[index]}/healthz/readiness`, timeoutMs)),
	]);
	return { main, workers };
}

module.exports = { queueEnvironment, startCluster };
