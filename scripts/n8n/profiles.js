'use strict';
/**
 * The n8n releases the project runs against. `2` is the default (current line); `1` is the last 1.x release,
 * for the compatibility run. Each profile is installed into its own cached folder (see install.js).
 */
const PROFILES = {
	2: {
		n8n: '2.41.1',
		// n8n 2.x needs Node >= 24: the machine's Node when it is 24 or later, else this version (or the newest 24.x the
		// registry has for the platform) from the npm package node-<platform>-<arch> (see nodeRuntime.js).
		node: '24.21.0',
		overrides: { linkedom: '0.18.14' },
	},
	1: {
		n8n: '1.123.81',
		// null: the machine's Node (20). n8n 1.123.x declares >=20.19 <=24.x.
		node: null,
		overrides: { linkedom: '0.18.14', xlsx: '0.18.5' },
		// Its default "vm" expression engine needs isolated-vm 6.2 (Node >= 22) and stops n8n on Node 20.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
};

function selectedProfile() {
	const key = process.env.N8N_LINE || '2';
	const profile = PROFILES[key];
	if (!profile) throw new Error(`N8N_LINE=${key} is not one of ${Object.keys(PROFILES).join(', ')}`);
	return { line: key, ...profile };
}

module.exports = { PROFILES, selectedProfile };
