'use strict';
const crypto = require('node:crypto');
const os = require('node:os');
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Where pinned n8n installs are cached: outside the clone, shared by every checkout. */
function cacheRoot() {
	return process.env.N8N_NANOGPT_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-nanogpt');
}

/** One folder per n8n release and Node: the pinned Node package's version, or `system` for the machine's Node. */
function installDir(profile, node) {
	return path.join(cacheRoot(), `n8n-${profile.n8n}-node-${node.kind === 'package' ? node.version : 'system'}`);
}

/**
 * The user folder (database, credentials, installed package) of `npm start` (`kind` 'start') or `npm run demo`
 * ('demo'): outside the clone, so the installed package resolves its modules exactly as in a user's install (from
 * n8n itself, not from the clone's node_modules), and one per clone, keyed by a hash of the clone's path.
 * N8N_NANOGPT_USER_FOLDER overrides it (the e2e check of `npm start` uses a throw-away folder).
 */
function userFolder(kind, root = PROJECT_ROOT) {
	if (process.env.N8N_NANOGPT_USER_FOLDER) return path.resolve(process.env.N8N_NANOGPT_USER_FOLDER);
	const hash = crypto.createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12);
	return path.join(cacheRoot(), kind, `${path.basename(root)}-${hash}`);
}

module.exports = { PROJECT_ROOT, cacheRoot, installDir, userFolder };
