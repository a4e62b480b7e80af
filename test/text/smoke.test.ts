import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

test('Ask runs through n8n-core with the credential applied', async () => {
	const result = await runNode(
		{ resource: 'text', operation: 'ask', model: { __rl: true, mode: 'id', value: 'openai/gpt-5.2' }, prompt: 'Hi' },
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(result.items[0].json.text).toBe('Hello from NanoGPT');
	const request = server.lastRequest();
	expect(request.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
	expect(request.json).toEqual({ model: 'openai/gpt-5.2', messages: [{ role: 'user', content: 'Hi' }] });
});
