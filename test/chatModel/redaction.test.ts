/**
 * Issue 11, item 2, for the chat model: a NanoGPT error that quotes the credential's key (of any shape) reaches
 * the root node and n8n's stored run data redacted.
 */
import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, runWithChatModel } from './harness';

const server = useFakeNanoGpt();

const PROXY_KEY = 'proxy-chat-8Hq2LmZ0xYt';

test.each([
	['a 401 that repeats the key', { status: 401, json: { error: { message: `Key ${PROXY_KEY} is not valid here` } } }],
	['a 400 that repeats it base64-encoded', { status: 400, json: { error: { message: `bad basic ${Buffer.from(PROXY_KEY).toString('base64')}` } } }],
])('%s', async (_name, answer) => {
	server.on('POST', '/v1/chat/completions', answer);
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke('Hello')).text }),
		{ baseUrl: server.baseUrl, apiKey: PROXY_KEY },
	);
	expect(result.error).toBeDefined();
	const seen = JSON.stringify({
		error: { message: result.error?.message, description: result.error?.description },
		run: result.run.data.resultData,
	});
	expect(seen).toContain('[redacted]');
	expect(seen).not.toContain(PROXY_KEY);
	expect(seen).not.toContain(Buffer.from(PROXY_KEY).toString('base64'));
});
