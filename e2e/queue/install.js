'use strict';
/** The cached n8n install, without ever starting a second install of a version another run is installing. */
const fs = require('node:fs');
const path = require('node:path');

const { chooseNode, ensureN8n } = require('../../scripts/n8n/install');
const { cacheRoot, installDir } = require('../../scripts/n8n/paths');

/** Waits (up to 20 minutes) while another process installs the same n8n into a `.partial-<pid>` folder. */
async function waitForRunningInstall(profile, log) {
	const dir = installDir(profile, chooseNode(profile));
	const partialOf = () =>
		fs.existsSync(cacheRoot())
			? fs.readdirSync(cacheRoot()).filter((name) => name.startsWith(`${path.basename(dir)}.partial-`) && processAlive(Number(name.split('.partial-')[1])))
			: [];
	const deadline = Date.now() + 20 * 60_000;
	let announced = false;
	while (partialOf().length && !fs.existsSync(path.join(dir, '.n8n-nodes-nanogpt-installed.json'))) {
		if (!announced) log(`waiting for the n8n install already running (${partialOf().join(', ')})`);
		announced = true;
		if (Date.now() > deadline) throw new Error('another n8n install did not finish within 20 minutes');
		await new Promise((resolve) => setTimeout(resolve, 5000));
	}
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

module.exports = { ensureN8n, waitForRunningInstall };
