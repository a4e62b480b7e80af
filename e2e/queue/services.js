'use strict';
/**
 * PostgreSQL and Redis for the queue-mode suite: Debian's packages (installed with apt-get when missing and allowed),
 * each server started as a child process on a free 127.0.0.1 port with its data in the suite's temporary folder, so
 * it can be stopped by its own PID. initdb refuses to run as root: as root, both run as the `postgres` user.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');

const { ChildProcess: Child } = require('./processes');

function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function findRedisServer() {
	for (const dir of (process.env.PATH || '').split(':').concat(['/usr/bin', '/usr/sbin'])) {
		const candidate = path.join(dir, 'redis-server');
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Installs the missing Debian packages when running as root with apt-get (CI); otherwise explains what to run. */
function ensurePackages(log) {
	const missing = [];
	if (!findPostgresBin()) missing.push('postgresql');
	if (!findRedisServer()) missing.push('redis-server');
	if (!missing.length) return;
	const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get') || process.env.QUEUE_NO_APT) {
		throw new Error(`The queue-mode suite needs ${missing.join(' and ')}: run \`${command}\` (as root) first.`);
	}
	log(`installing ${missing.join(', ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
	} catch {
		execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
	}
	if (!findPostgresBin() || !findRedisServer()) throw new Error(`apt-get did not provide ${missing.join(' and ')}`);
}

/** As root: the uid and gid of the `postgres` user, which the Debian package creates. */
function postgresUser() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** initdb + postgres on `port`; returns the running server (stop() shuts it down by its PID) and a psql helper. */
async function startPostgres({ root, port, logFile, log }) {
	const bin = findPostgresBin();
	const user = postgresUser();
	const dir = path.join(root, 'pg');
	fs.mkdirSync(dir, { recursive: true });
	if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid);
	const data = path.join(dir, 'data');
	execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
		...user,
		cwd: dir,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'];
	const server = new Child('postgres', spawn(path.join(bin, 'postgres'), args, { ...user, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }), logFile, 'SIGINT');
	const psql = (sql, database = 'postgres') =>
		execFileSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-q', '-At', '-F', '|', '-c', sql], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			psql('SELECT 1');
			break;
		} catch (error) {
			if (server.exited || Date.now() > deadline) throw new Error(`PostgreSQL did not start:\n${server.output()}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	psql("CREATE USER n8n WITH PASSWORD 'n8n-queue-pass'");
	psql('CREATE DATABASE n8n_queue OWNER n8n');
	log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (pid ${server.pid})`);
	return { server, psql: (sql) => psql(sql, 'n8n_queue'), database: 'n8n_queue', user: 'n8n', password: 'n8n-queue-pass' };
}

async function startRedis({ root, port, logFile, log }) {
	const dir = path.join(root, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
	const server = new Child('redis', spawn(findRedisServer(), args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }), logFile, 'SIGTERM');
	const deadline = Date.now() + 30_000;
	while (!/Ready to accept connections/i.test(server.output())) {
		if (server.exited || Date.now() > deadline) throw new Error(`Redis did not start:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	log(`Redis on 127.0.0.1:${port} (pid ${server.pid})`);
	return { server };
}

module.exports = { ensurePackages, startPostgres, startRedis, findPostgresBin, findRedisServer };
