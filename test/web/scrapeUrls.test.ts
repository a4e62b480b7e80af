import type { INodeParameters } from 'n8n-workflow';

import { batchScrapeUrls } from '../../nodes/NanoGpt/resources/web/scrapeUrls';
import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { scrapeAnswer } from '../helpers/knowledgeFixtures';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

function scrape(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'web', operation: 'scrapeUrls', scrapeUrls: '={{ $json.url }}', ...extra };
}

beforeEach(() => {
	server.on('POST', '/scrape-urls', authed((request) => ({ json: scrapeAnswer(request.json.urls) })));
});

const urls = (count: number) => Array.from({ length: count }, (_, index) => `https://example.com/page-${index + 1}`);

describe('Web > Scrape URLs', () => {
	test('one URL per item: one request per item, one output item per URL without the HTML', async () => {
		const result = await runNode(scrape(), {
			baseUrl: server.baseUrl,
			items: [{ json: { url: 'https://example.com/a' } }, { json: { url: 'https://example.com/b' } }],
		});
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/scrape-urls').map((request) => request.json)).toEqual([
			{ urls: ['https://example.com/a'] },
			{ urls: ['https://example.com/b'] },
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				url: 'https://example.com/a',
				success: true,
				title: 'Title of https://example.com/a',
				markdown: '# Page https://example.com/a',
				summary: { requested: 1, processed: 1, successful: 1, failed: 0, totalCost: 0.001 },
			},
			{
				url: 'https://example.com/b',
				success: true,
				title: 'Title of https://example.com/b',
				markdown: '# Page https://example.com/b',
				summary: { requested: 1, processed: 1, successful: 1, failed: 0, totalCost: 0.001 },
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('12 URLs of one item go in requests of 5, 5 and 2; the outputs keep the order and the pairing', async () => {
		const result = await runNode(scrape({ scrapeUrls: urls(12).join('\n') }), { baseUrl: server.baseUrl });
		const requests = server.requestsTo('POST', '/scrape-urls');
		expect(requests.map((request) => request.json.urls)).toEqual([urls(12).slice(0, 5), urls(12).slice(5, 10), urls(12).slice(10)]);
		for (const request of requests) expect(openApiErrors('ScrapeUrlsRequest', request.json)).toEqual([]);
		expect(result.items.map((item) => item.json.url)).toEqual(urls(12));
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('a URL that fails is its own item with NanoGPT\'s reason; the others succeed', async () => {
		const result = await runNode(scrape({ scrapeUrls: 'https://example.com/ok, https://example.com/broken' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.url, item.json.success, item.json.error])).toEqual([
			['https://example.com/ok', true, undefined],
			['https://example.com/broken', false, 'Failed to fetch page (HTTP 404)'],
		]);
	});

	test('a URL NanoGPT left out of its answer is reported as not scraped', async () => {
		server.on('POST', '/scrape-urls', { json: { ...scrapeAnswer(['https://example.com/a']), summary: { requested: 2, processed: 1, successful: 1, failed: 0, totalCost: 0.001 } } });
		const result = await runNode(scrape({ scrapeUrls: 'https://example.com/a, https://example.com/b' }), { baseUrl: server.baseUrl });
		expect(result.items.map((item) => [item.json.url, item.json.success])).toEqual([
			['https://example.com/a', true],
			['https://example.com/b', false],
		]);
		expect(result.items[1].json.error).toMatch(/NanoGPT returned no result for this URL/);
	});

	test('options: Include HTML keeps the content; Stealth Mode is sent only when set', async () => {
		const result = await runNode(scrape({ scrapeUrls: 'https://example.com/a', options: { includeHtml: true, stealthMode: true } }), {
			baseUrl: server.baseUrl,
		});
		expect(server.lastRequest().json).toEqual({ urls: ['https://example.com/a'], stealthMode: true });
		expect(result.items[0].json.content).toBe('<html><body>https://example.com/a</body></html>');
	});

	test.each([
		['={{ "" }}', 'The parameter "URLs" is empty'],
		['example.com', 'The parameter "URLs" has an entry that is not a web address'],
		['https://example.com, javascript:alert(1)', 'The parameter "URLs" has an entry that is not a web address'],
	])('bad URLs %j fail before anything is sent', async (value, message) => {
		const result = await runNode(scrape({ scrapeUrls: value }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('POST', '/scrape-urls')).toHaveLength(0);
	});

	test('URLs from an expression list', async () => {
		await runNode(scrape({ scrapeUrls: '={{ $json.links }}' }), {
			baseUrl: server.baseUrl,
			items: [{ json: { links: ['https://example.com/x', 'https://example.com/y'] } }],
		});
		expect(server.lastRequest().json).toEqual({ urls: ['https://example.com/x', 'https://example.com/y'] });
	});

	test('Continue On Fail: a failed request of the second chunk is one error item; the first chunk is not sent again', async () => {
		let calls = 0;
		server.on('POST', '/scrape-urls', (request) =>
			++calls === 2 ? { status: 400, json: { error: 'Please provide an array of URLs to scrape', status: 400 } } : { json: scrapeAnswer(request.json.urls) },
		);
		const result = await runNode(scrape({ scrapeUrls: urls(7).join(',') }), { baseUrl: server.baseUrl, continueOnFail: true });
		expect(server.requestsTo('POST', '/scrape-urls')).toHaveLength(2);
		expect(result.items.map((item) => item.json.url ?? item.json.error)).toEqual([
			...urls(5),
			'NanoGPT rejected the request: Please provide an array of URLs to scrape',
		]);
	});

	test('a chunk that hits a rate limit is retried on its own; earlier chunks are not resent', async () => {
		server.queue('POST', '/scrape-urls', { json: scrapeAnswer(urls(7).slice(0, 5)) }, { status: 429, headers: { 'retry-after': '0' }, json: { error: { message: 'Rate limit exceeded', type: 'rate_limit_error' } } });
		const result = await runNode(scrape({ scrapeUrls: urls(7).join(',') }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/scrape-urls').map((request) => request.json.urls.length)).toEqual([5, 2, 2]);
		expect(result.items.map((item) => item.json.url)).toEqual(urls(7));
	});
});

describe('batchScrapeUrls (for sending many items together)', () => {
	test('groups the URLs of all items into requests of at most 5, remembering each URL\'s item', () => {
		const batches = batchScrapeUrls([['a', 'b'], [], ['c', 'd', 'e', 'f'], ['g']]);
		expect(batches).toEqual([
			[
				{ itemIndex: 0, url: 'a' },
				{ itemIndex: 0, url: 'b' },
				{ itemIndex: 2, url: 'c' },
				{ itemIndex: 2, url: 'd' },
				{ itemIndex: 2, url: 'e' },
			],
			[
				{ itemIndex: 2, url: 'f' },
				{ itemIndex: 3, url: 'g' },
			],
		]);
		expect(batchScrapeUrls([[], []])).toEqual([]);
	});
});
