'use strict';
/**
 * `npm run demo`: the same local n8n as `npm start`, with a stand-in for NanoGPT on 127.0.0.1 (the fake server of
 * the end-to-end tests, in demo mode) as the credential's Base URL. Nothing goes to the internet and nothing is
 * billed; every example runs: a coloured picture, an audible chime, a real tool call for the AI Agent, and the
 * model ID `demo/unknown-model` shows NanoGPT's unknown-model error. Its data is kept apart from `npm start`'s.
 */
const { FakeNanoGptServer, UNKNOWN_MODEL } = require('../../e2e/fakeNanoGptServer');
const { prepareInstance, runInForeground, fail, logger } = require('./instance');

async function main() {
	const log = logger('demo');
	const server = new FakeNanoGptServer({ demo: true, keepRequests: 100 });
	await server.start(Number(process.env.DEMO_NANOGPT_PORT || 0));
	log(`fake NanoGPT at ${server.baseUrl}: answers like NanoGPT, sends nothing anywhere, bills nothing`);
	try {
		const instance = await prepareInstance({
			kind: 'demo',
			credential: { apiKey: server.validKey, baseUrl: server.baseUrl },
			log,
		});
		log(`open an example and click "Execute workflow"; set a Model to By ID "${UNKNOWN_MODEL}" to see an error`);
		runInForeground(instance, { onExit: () => server.stop() });
	} catch (error) {
		await server.stop();
		throw error;
	}
}

main().catch(fail);
