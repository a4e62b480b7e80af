'use strict';
/** Finds Debian's Chromium for the editor check, installing it with apt-get when it is missing (CI starts without it). */
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags that keep a headless Chromium quiet and offline (see README, "Running in a real n8n"). */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function findChromium() {
	if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
	return CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

function ensureChromium() {
	const found = findChromium();
	if (found) return found;
	process.stdout.write('[chromium] not found: installing Debian\'s chromium with apt-get\n');
	const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const prefix = asRoot ? [] : ['sudo', '-n'];
	const run = (args) => {
		const [command, ...rest] = [...prefix, ...args];
		execFileSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	};
	run(['apt-get', 'update']);
	run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']);
	const installed = findChromium();
	if (!installed) throw new Error('apt-get finished but no chromium binary was found');
	return installed;
}

module.exports = { ensureChromium, CHROMIUM_ARGS };
