import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { webSearchAnswer, webSearchResults } from '../helpers/knowledgeFixtures';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

function search(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'web', operation: 'search', query: 'n8n release notes', ...extra };
}

beforeEach(() => {
	server.on('POST', '/web', authed((request) => ({ json: webSearchResults(request.json?.query) })));
});

describe('Web > Search: request bodies', () => {
	test('defaults: query, provider, output type and depth only', async () => {
		const result = await runNode(search(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request).toMatchObject({ method: 'POST', path: '/web' });
		expect(request.json).toEqual({ query: 'n8n release notes', provider: 'linkup', outputType: 'searchResults', depth: 'standard' });
	});

	test('every option is sent under its API name, numbers as numbers, lists as arrays, dates as YYYY-MM-DD', async () => {
		await runNode(
			search({
				searchDepth: 'deep',
				options: {
					includeImages: false,
					fromDate: '2025-01-01',
					toDate: '2025-07-01T00:00:00.000+00:00',
					includeDomains: 'docs.n8n.io, github.com\ncommunity.n8n.io',
					excludeDomains: ['spam.com'],
					maxResults: 20,
				},
			}),
			{ baseUrl: server.baseUrl },
		);
		expect(server.lastRequest().json).toEqual({
			query: 'n8n release notes',
			provider: 'linkup',
			outputType: 'searchResults',
			depth: 'deep',
			includeImages: false,
			fromDate: '2025-01-01',
			toDate: '2025-07-01',
			includeDomains: ['docs.n8n.io', 'github.com', 'community.n8n.io'],
			excludeDomains: ['spam.com'],
			maxResults: 20,
		});
	});

	test('structured output sends the schema as a JSON string', async () => {
		server.on('POST', '/web', { json: { data: { items: ['a', 'b'] }, metadata: { ...webSearchResults().metadata, outputType: 'structured' } } });
		const result = await runNode(
			search({ searchOutputType: 'structured', structuredOutputSchema: '{"type":"object","properties":{"items":{"type":"array"}}}' }),
			{ baseUrl: server.baseUrl },
		);
		expect(server.lastRequest().json.structuredOutputSchema).toBe('{"type":"object","properties":{"items":{"type":"array"}}}');
		expect(result.items.map((item) => item.json)).toEqual([
			{ data: { items: ['a', 'b'] }, metadata: expect.objectContaining({ outputType: 'structured', cost: 0.006 }) },
		]);
	});

	test('Sofya operations: fetch sends URLs without a query, extract a URL and a prompt, research max sources', async () => {
		await runNode(search({ searchProvider: 'sofya', query: '', options: { sofyaOperation: 'fetch', urls: 'https://a.example/x, https://b.example/y', includeRawHtml: true } }), {
			baseUrl: server.baseUrl,
		});
		expect(server.lastRequest().json).toEqual({
			provider: 'sofya',
			outputType: 'searchResults',
			depth: 'standard',
			operation: 'fetch',
			urls: ['https://a.example/x', 'https://b.example/y'],
			includeRawHtml: true,
		});
		await runNode(search({ searchProvider: 'sofya', options: { sofyaOperation: 'extract', url: 'https://a.example/pricing', extractPrompt: 'The prices' } }), {
			baseUrl: server.baseUrl,
		});
		expect(server.lastRequest().json).toEqual({
			provider: 'sofya',
			outputType: 'searchResults',
			depth: 'standard',
			operation: 'extract',
			url: 'https://a.example/pricing',
			prompt: 'The prices',
		});
		await runNode(search({ searchProvider: 'sofya', options: { sofyaOperation: 'research', maxSources: 12, topic: 'news', freshness: 'week' } }), {
			baseUrl: server.baseUrl,
		});
		expect(server.lastRequest().json).toEqual({
			query: 'n8n release notes',
			provider: 'sofya',
			outputType: 'searchResults',
			depth: 'standard',
			operation: 'research',
			maxSources: 12,
			topic: 'news',
			freshness: 'week',
		});
	});

	test('every body follows WebSearchRequest of the official spec', async () => {
		const variants: INodeParameters[] = [
			search(),
			search({ searchProvider: 'tavily', options: { maxResults: 1, includeImages: true } }),
			search({ searchOutputType: 'sourcedAnswer', searchDepth: 'deep', options: { fromDate: '2024-02-29', toDate: '2024-03-01' } }),
			search({ searchOutputType: 'structured' }),
			search({ searchProvider: 'sofya', options: { sofyaOperation: 'fetch', urls: 'https://a.example/x' } }),
			search({ searchProvider: 'sofya', options: { sofyaOperation: 'extract', url: 'https://a.example/', extractPrompt: 'x' } }),
			search({ searchProvider: 'sofya', options: { sofyaOperation: 'research', maxSources: 30, topic: 'general' } }),
		];
		for (const parameters of variants) {
			const result = await runNode(parameters, { baseUrl: server.baseUrl });
			expect(result.error).toBeUndefined();
			expect(openApiErrors('WebSearchRequest', server.lastRequest().json)).toEqual([]);
		}
		expect(server.requestsTo('POST', '/web')).toHaveLength(variants.length);
	});
});

describe('Web > Search: output', () => {
	test('one item per result with its position and the search metadata (cost), paired with the input item', async () => {
		const result = await runNode(search({ query: '={{ $json.q }}' }), {
			baseUrl: server.baseUrl,
			items: [{ json: { q: 'first' } }, { json: { q: 'second' } }],
		});
		expect(result.items).toHaveLength(6);
		expect(result.items[0].json).toEqual({
			position: 1,
			type: 'text',
			title: 'Result 1 for first',
			url: 'https://example.com/1',
			content: 'Snippet 1 about first.',
			metadata: webSearchResults('first').metadata,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 0, 0, 1, 1, 1].map((item) => ({ item })));
	});

	test('a sourced answer is one item with the answer, its sources and the metadata', async () => {
		server.on('POST', '/web', { json: webSearchAnswer() });
		const result = await runNode(search({ searchOutputType: 'sourcedAnswer' }), { baseUrl: server.baseUrl });
		expect(result.items.map((item) => item.json)).toEqual([
			{ answer: 'n8n is a workflow automation tool.', sources: webSearchAnswer().data.sources, metadata: webSearchAnswer().metadata },
		]);
	});

	test('no results: no output items (the input item is not echoed)', async () => {
		server.on('POST', '/web', { json: { data: [], metadata: webSearchResults().metadata } });
		const result = await runNode(search(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test('Simplify Output off: the response as NanoGPT sent it', async () => {
		const result = await runNode(search({ simplify: false }), { baseUrl: server.baseUrl });
		expect(result.items.map((item) => item.json)).toEqual([webSearchResults()]);
	});
});

describe('Web > Search: errors', () => {
	test.each([
		[{ query: '  ' }, 'The parameter "Query" is empty'],
		[{ searchProvider: 'exa', searchOutputType: 'sourcedAnswer' }, 'The Output Type "Sourced Answer" needs the Linkup provider'],
		[{ options: { sofyaOperation: 'fetch', urls: 'https://a.example' } }, 'The Sofya Operation "fetch" needs the Sofya provider'],
		[{ options: { maxResults: 21 } }, 'The parameter "Max Results" must be at least 1 and at most 20'],
		[{ options: { fromDate: '01/02/2025' } }, 'The parameter "From Date" is not a date'],
		[{ options: { fromDate: '2025-02-30' } }, 'The parameter "From Date" is not a date'],
		[{ options: { fromDate: '2025-03-01', toDate: '2025-02-01' } }, 'The parameter "From Date" is after "To Date"'],
		[{ searchOutputType: 'structured', structuredOutputSchema: '{oops' }, 'The parameter "Structured Output Schema" is not valid JSON'],
		[{ searchProvider: 'sofya', options: { sofyaOperation: 'fetch', urls: 'ftp://a.example' } }, 'The parameter "URLs" has an entry that is not a web address'],
		[{ searchProvider: 'sofya', options: { sofyaOperation: 'extract', url: 'https://a.example' } }, 'The parameter "Extraction Prompt" is empty'],
	])('bad input %j fails before anything is sent: %s', async (extra, message) => {
		const result = await runNode(search(extra as INodeParameters), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('POST', '/web')).toHaveLength(0);
	});

	test('402: its own advice (web search needs a balance of at least $1), not retried', async () => {
		server.on('POST', '/web', { status: 402, json: { error: 'Insufficient balance', status: 402 }, headers: { 'x-request-id': 'req-web-1' } });
		const result = await runNode(search(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('Insufficient NanoGPT balance: Insufficient balance');
		expect(result.error?.description).toBe(
			'NanoGPT requires a balance of at least $1.00 for web search, even though one search costs cents. Top up at https://nano-gpt.com, then run the node again. (NanoGPT request ID: req-web-1)',
		);
		expect(server.requestsTo('POST', '/web')).toHaveLength(1);
	});

	test('Continue On Fail: a failing item becomes an error item paired with it; the others succeed', async () => {
		server.on('POST', '/web', (request) =>
			request.json.query === 'bad'
				? { status: 400, json: { error: { message: 'Query parameter is required and must be a string', type: 'invalid_request_error' } } }
				: { json: webSearchResults(request.json.query, 1) },
		);
		const result = await runNode(search({ query: '={{ $json.q }}' }), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { q: 'good' } }, { json: { q: 'bad' } }, { json: { q: '' } }],
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.title])).toEqual([
			[{ item: 0 }, 'Result 1 for good'],
			[{ item: 1 }, 'NanoGPT rejected the request: Query parameter is required and must be a string'],
			[{ item: 2 }, 'The parameter "Query" is empty'],
		]);
	});
});
