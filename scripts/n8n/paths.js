'use strict';
const os = require('node:os');
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Where pinned n8n installs are cached: outside the clone, shared by every checkout. */
function cacheRoot() {
	return process.env.N8N_NANOGPT_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-nanogpt');
}

function installDir(profile) {
	return path.join(cacheRoot(), `n8n-${profile.n8n}-node-${profile.node || 'system'}`);
}

/** The `npm start` instance's data (git-ignored). */
const START_USER_FOLDER = path.join(PROJECT_ROOT, '.n8n-data');

module.exports = { PROJECT_ROOT, cacheRoot, installDir, START_USER_FOLDER };
