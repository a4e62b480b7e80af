'use strict';
/**
 * Builds this package, packs it with `npm pack` and installs the tarball into <userFolder>/.n8n/nodes, where n8n
 * keeps community packages: n8n then loads it as `n8n-nodes-nanogpt.*`, exactly as after a user's install.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { PROJECT_ROOT } = require('./paths');

function log(message) {
	process.stdout.write(`[package] ${message}\n`);
}

function buildPackage() {
	log('building (npm run build)');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

function packPackage() {
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-nanogpt-pack-'));
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel=error'], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
	});
	const [{ filename }] = JSON.parse(output);
	return path.join(destination, path.basename(filename));
}

function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	}
	// n8n-workflow is a peer dependency that n8n itself provides: do not install a second copy.
	execFileSync(
		'npm',
		['install', tarball, '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
		{ cwd: nodesDir, stdio: 'inherit' },
	);
	log(`installed ${path.basename(tarball)} into ${nodesDir}`);
}

/** Build (unless skipBuild), pack and install into the user folder. */
function installPackageInto(userFolder, { skipBuild = false } = {}) {
	if (!skipBuild) buildPackage();
	const tarball = packPackage();
	installTarball(tarball, userFolder);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}

module.exports = { installPackageInto };
