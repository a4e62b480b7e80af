import { runNode, searchList } from '../helpers/engine';
import { FakeNanoGpt, VALID_KEY } from '../helpers/fakeNanoGpt';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();
/** Another origin (same host, another port): it must never see the key. */
const elsewhere = new FakeNanoGpt();

beforeAll(async () => {
	await elsewhere.start({
		'POST /v1/chat/completions': () => ({ json: { choices: [{ message: { role: 'assistant', content: 'stolen' } }] } }),
		'GET /v1/models': () => ({ json: { object: 'list', data: [] } }),
		'GET /video/status': () => ({ json: { status: 'COMPLETED' } }),
	});
});
afterEach(() => elsewhere.reset());
afterAll(async () => await elsewhere.stop());

function credentialHeadersSeenElsewhere(): string[] {
	return elsewhere.requests.flatMap((request) =>
		[request.headers.authorization, request.headers['x-api-key']].filter((value): value is string => typeof value === 'string'),
	);
}

const otherOrigin = () => new URL(elsewhere.baseUrl).origin;

describe('the API key never leaves the Base URL origin', () => {
	test.each([301, 302, 303, 307, 308])('an operation answered %i to another origin fails, naming it; nothing sent there', async (status) => {
		server.on('POST', '/v1/chat/completions', { status, headers: { location: `${elsewhere.baseUrl}/v1/chat/completions` } });
		const result = await runNode(askParameters({ requestSettings: { maxRetries: 2 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(
			`The credential Base URL redirected to another origin (${otherOrigin()}); the API key was not sent there`,
		);
		expect(result.error?.description).toContain("Set the credential's Base URL");
		expect(elsewhere.requests).toHaveLength(0);
		expect(credentialHeadersSeenElsewhere()).toEqual([]);
		// Not retried: a redirect is an answer, not a fault.
		expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(1);
	});

	test('with Continue On Fail the redirected item is an error item paired with its input, the others succeed', async () => {
		let calls = 0;
		server.on('POST', '/v1/chat/completions', () =>
			++calls === 2
				? { status: 302, headers: { location: `${elsewhere.baseUrl}/x` } }
				: { json: { choices: [{ index: 0, message: { role: 'assistant', content: 'fine' }, finish_reason: 'stop' }] } },
		);
		const result = await runNode(askParameters({ requestSettings: { maxRequestsPerSecond: 0 } }), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }],
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items.filter((item) => item.json.error)).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('a video status poll redirected to another origin ends the wait with the redirect error', async () => {
		server.on('GET', '/video/status', { status: 307, headers: { location: `${elsewhere.baseUrl}/video/status?requestId=v-1` } });
		const result = await runNode(
			{ resource: 'video', operation: 'getStatus', requestId: 'v-1' },
			{ baseUrl: server.baseUrl },
		);
		expect(result.error?.message).toContain('redirected to another origin');
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('the model list in the editor does not follow a redirect to another origin', async () => {
		server.on('GET', '/v1/models', { status: 302, headers: { location: `${elsewhere.baseUrl}/v1/models` } });
		await expect(searchList('searchTextModels', { baseUrl: server.baseUrl })).rejects.toThrow(/another origin/);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('a same-origin redirect of a GET is followed, with the key, and succeeds', async () => {
		server.on('GET', '/v1/models', { status: 302, headers: { location: '/api/v1/models-moved' } });
		server.on('GET', '/v1/models-moved', (request) =>
			request.headers.authorization === `Bearer ${VALID_KEY}`
				? { json: { object: 'list', data: [{ id: 'openai/gpt-5.2', name: 'GPT 5.2' }] } }
				: { status: 401, json: { error: 'no key' } },
		);
		const result = await runNode({ resource: 'model', operation: 'list', modelType: 'text' }, { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(['openai/gpt-5.2']);
	});

	test('a same-origin 307 of a POST is followed with the same method and body', async () => {
		server.on('POST', '/v1/chat/completions', { status: 307, headers: { location: '/api/v2/chat' } });
		server.on('POST', '/v2/chat', () => ({ json: { choices: [{ index: 0, message: { role: 'assistant', content: 'moved' }, finish_reason: 'stop' }] } }));
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json.text).toBe('moved');
		expect(server.requestsTo('POST', '/v2/chat')[0].json.messages).toEqual([{ role: 'user', content: 'Say hello' }]);
	});

	test('a same-origin 302 of a POST is not turned into a GET: the item fails with advice', async () => {
		server.on('POST', '/v1/chat/completions', { status: 302, headers: { location: '/api/elsewhere' } });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT answered HTTP 302 (a redirect to /api/elsewhere) to a POST request');
		expect(server.requestsTo('GET', '/elsewhere')).toHaveLength(0);
	});

	test('a redirect loop stops after 5 hops, is not retried, and says so in plain words', async () => {
		server.on('GET', '/v1/models', { status: 307, headers: { location: '/api/v1/models' } });
		const result = await runNode({ resource: 'model', operation: 'list', modelType: 'text', requestSettings: { maxRetries: 3 } }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT redirected more than 5 times (a redirect loop)');
		expect(server.requestsTo('GET', '/v1/models')).toHaveLength(5);
	});
});

describe('the credential Base URL is checked before anything is sent', () => {
	test.each([
		['user:pass@', (base: string) => base.replace('http://', 'http://user:secret@'), 'contains a user name or password'],
		['no scheme', (base: string) => base.replace('http://', ''), 'Add the scheme, for example https://'],
		['garbage', () => 'not a url at all', 'is not a URL'],
		['another scheme', (base: string) => base.replace('http://', 'ftp://'), 'must start with https://'],
	])('%s: a clear error naming the credential field, no request', async (_name, baseUrlOf, expected) => {
		const result = await runNode(askParameters(), { baseUrl: baseUrlOf(server.baseUrl) });
		expect(result.error?.message).toContain('Base URL field of the NanoGPT credential');
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).not.toContain('secret');
		expect(server.requests).toHaveLength(0);
	});

	test('with Continue On Fail every item gets the Base URL error, paired', async () => {
		const result = await runNode(askParameters(), {
			baseUrl: 'nano-gpt.com/api',
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(result.items.map((item) => [item.pairedItem, String(item.json.error).includes('Base URL')])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, true],
		]);
	});
});
