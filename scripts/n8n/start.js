'use strict';
/**
 * `npm start`: n8n with this package at http://localhost:5678 (N8N_PORT to change), as after a user's install.
 * With NANOGPT_API_KEY set, the credential "NanoGPT account" is created from it (NANOGPT_BASE_URL overrides the Base
 * URL). The example workflows are imported. Ctrl+C stops n8n. See instance.js.
 */
const { EXAMPLE_CREDENTIAL } = require('./examples');
const { prepareInstance, runInForeground, fail } = require('./instance');

async function main() {
	const apiKey = (process.env.NANOGPT_API_KEY || '').trim();
	const instance = await prepareInstance({
		kind: 'start',
		credential: apiKey ? { apiKey, baseUrl: process.env.NANOGPT_BASE_URL } : null,
		onMissingCredential: (log) => {
			log('NANOGPT_API_KEY is not set: add the credential in the editor (Overview > Credentials > Create credential > NanoGPT API)');
			log(`and name it "${EXAMPLE_CREDENTIAL.name}" so the example workflows find it. No key? Try npm run demo.`);
		},
	});
	runInForeground(instance);
}

main().catch(fail);
