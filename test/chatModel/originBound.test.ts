import { FakeNanoGpt } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, completion, lc, runWithChatModel } from './harness';

const server = useFakeNanoGpt();
const elsewhere = new FakeNanoGpt();

beforeAll(async () => {
	await elsewhere.start({ 'POST /v1/chat/completions': () => ({ json: completion({ content: 'stolen' }) }) });
});
afterAll(async () => await elsewhere.stop());

test('the chat model does not follow a redirect to another origin, and says where it pointed', async () => {
	server.on('POST', '/v1/chat/completions', { status: 308, headers: { location: `${elsewhere.baseUrl}/v1/chat/completions` } });
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke([new lc.HumanMessage('Hi')])).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error?.message).toContain(`redirected to another origin (${new URL(elsewhere.baseUrl).origin})`);
	expect(elsewhere.requests).toHaveLength(0);
	expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(1);
});

test('the chat model refuses a Base URL with user:password@, naming the credential field', async () => {
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => ({ text: (await model.invoke([new lc.HumanMessage('Hi')])).text }),
		{ baseUrl: server.baseUrl.replace('http://', 'http://user:pw@') },
	);
	expect(result.error?.message).toContain('Base URL field of the NanoGPT credential');
	expect(server.requests).toHaveLength(0);
});
