import { FakeNanoGpt, authed } from './fakeNanoGpt';
import { balance, chatCompletion, textCompletion, textModelCatalog } from './fixtures';

/** Starts a fake NanoGPT with realistic default answers for every route the node uses; stops it after the file. */
export function useFakeNanoGpt(): FakeNanoGpt {
	const server = new FakeNanoGpt();
	beforeAll(async () => {
		await server.start({
			'POST /v1/chat/completions': authed(() => ({ json: chatCompletion('Hello from NanoGPT') })),
			'POST /v1/completions': authed(() => ({ json: textCompletion(' there was a robot.') })),
			'GET /v1/models': () => ({ json: textModelCatalog() }),
			'POST /check-balance': authed(() => ({ json: balance })),
		});
	});
	afterEach(() => server.reset());
	afterAll(async () => await server.stop());
	return server;
}
