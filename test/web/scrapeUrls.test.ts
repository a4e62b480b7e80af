import type { INodeParameters } from 'n8n-workflow';

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
	test('one URL per item: the items\' URLs go in one request, one output item per URL without the HTML', async () => {
		const result = await runNode(scrape(), {
			baseUrl: server.baseUrl,
			items: [{ json: { url: 'https://example.com/a' } }, { json: { url: 'https://example.com/b' } }],
		});
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/scrape-urls').map((request) => request.json)).toEqual([
			{ urls: ['https://example.com/a', 'https://example.com/b'] },
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				url: 'https://example.com/a',
				success: true,
				title: 'Title of https://example.com/a',
				markdown: '# Page https://example.com/a',
				summary: { requested: 2, processed: 2, successful: 2, failed: 0, totalCost: 0.002 },
			},
			{
				url: 'https://example.com/b',
				success: true,
				title: 'Title of https://example.com/b',
				markdown: '# Page https://example.com/b',
				summary: { requested: 2, processed: 2, successful: 2, failed: 0, totalCost: 0.002 },
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('12 URLs of one item go in requests of 5, 5 and 2; the outputs keep the order and the pairing', async () => {
		const result = await runNode(scrape({ scrapeUrls: urls(12).join('\n') }), { baseUrl: server.baseUrl });
		const requests = server.requestsTo('POST', '/scrape-urls');
		expect(requests.map((request) => request.json.urls).sort((a, b) => urls(12).indexOf(a[0]) - urls(12).indexOf(b[0]))).toEqual([
			urls(12).slice(0, 5),
			urls(12).slice(5, 10),
			urls(12).slice(10),
		]);
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

	test('Continue On Fail: a failed request of an item\'s second chunk is one error item; the first chunk is not sent again', async () => {
		server.on('POST', '/scrape-urls', (request) =>
			request.json.urls.length === 2 ? { status: 400, json: { error: 'Please provide an array of URLs to scrape', status: 400 } } : { json: scrapeAnswer(request.json.urls) },
		);
		const result = await runNode(scrape({ scrapeUrls: urls(7).join(',') }), { baseUrl: server.baseUrl, continueOnFail: true });
		expect(server.requestsTo('POST', '/scrape-urls')).toHaveLength(2);
		expect(result.items.map((item) => item.json.url ?? item.json.error)).toEqual([
			...urls(5),
			'NanoGPT rejected the request: Please provide an array of URLs to scrape',
		]);
	});

	test('a chunk that hits a rate limit is retried on its own; earlier chunks are not resent', async () => {
		let limited = false;
		server.on('POST', '/scrape-urls', (request) => {
			if (request.json.urls.length === 2 && !limited) {
				limited = true;
				return { status: 429, headers: { 'retry-after': '0' }, json: { error: { message: 'Rate limit exceeded', type: 'rate_limit_error' } } };
			}
			return { json: scrapeAnswer(request.json.urls) };
		});
		const result = await runNode(scrape({ scrapeUrls: urls(7).join(',') }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/scrape-urls').map((request) => request.json.urls.length).sort()).toEqual([2, 2, 5]);
		expect(result.items.map((item) => item.json.url)).toEqual(urls(7));
	});
});

describe('Web > Scrape URLs: many items', () => {
	test('7 items of one URL each go in requests of 5 and 2; each page is paired with its item', async () => {
		const result = await runNode(scrape(), { baseUrl: server.baseUrl, items: urls(7).map((url) => ({ json: { url } })) });
		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('POST', '/scrape-urls');
		expect(requests.map((request) => request.json.urls).sort((a, b) => b.length - a.length)).toEqual([urls(7).slice(0, 5), urls(7).slice(5)]);
		for (const request of requests) expect(openApiErrors('ScrapeUrlsRequest', request.json)).toEqual([]);
		expect(result.items.map((item) => [item.json.url, item.pairedItem])).toEqual(urls(7).map((url, index) => [url, { item: index }]));
	});

	test('items with different options (Include HTML, Stealth Mode) do not share a request', async () => {
		const result = await runNode(scrape({ options: { includeHtml: '={{ $json.html }}', stealthMode: '={{ $json.stealth }}' } } as INodeParameters), {
			baseUrl: server.baseUrl,
			items: [
				{ json: { url: 'https://example.com/a', html: true, stealth: false } },
				{ json: { url: 'https://example.com/b', html: false, stealth: false } },
				{ json: { url: 'https://example.com/c', html: true, stealth: false } },
				{ json: { url: 'https://example.com/d', html: true, stealth: true } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/scrape-urls').map((request) => request.json)).toEqual(
			expect.arrayContaining([
				{ urls: ['https://example.com/a', 'https://example.com/c'], stealthMode: false },
				{ urls: ['https://example.com/b'], stealthMode: false },
				{ urls: ['https://example.com/d'], stealthMode: true },
			]),
		);
		expect(server.requestsTo('POST', '/scrape-urls')).toHaveLength(3);
		expect(result.items.map((item) => [item.json.url, item.json.content !== undefined])).toEqual([
			['https://example.com/a', true],
			['https://example.com/b', false],
			['https://example.com/c', true],
			['https://example.com/d', true],
		]);
	});
});
