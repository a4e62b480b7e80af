'use strict';
// examples/web-search-and-scrape.json: Web > Search (2 results) -> Web > Scrape URLs with {{ $json.url }}, one request per result.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf, validKey }) {
		const [search] = server.requestsTo('POST', '/web');
		assert.equal(server.requestsTo('POST', '/web').length, 1, 'one search request');
		assert.equal(search.headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(search.json, {
			query: 'n8n self-hosting guide',
			provider: 'linkup',
			outputType: 'searchResults',
			depth: 'standard',
			maxResults: 5,
			includeDomains: ['docs.n8n.io', 'community.n8n.io'],
		});
		const results = outputOf('Search the Web');
		assert.deepEqual(
			results.map((item) => [item.json.position, item.json.url, item.json.metadata.cost]),
			[
				[1, 'https://example.com/search/1', 0.006],
				[2, 'https://example.com/search/2', 0.006],
			],
		);

		const scrapes = server.requestsTo('POST', '/scrape-urls');
		assert.deepEqual(
			scrapes.map((request) => request.json),
			[{ urls: ['https://example.com/search/1', 'https://example.com/search/2'] }],
		);
		const pages = outputOf('Scrape Each Result');
		assert.deepEqual(pages.map((item) => item.json), [1, 2].map((position) => ({
			url: `https://example.com/search/${position}`,
			success: true,
			title: `Title of https://example.com/search/${position}`,
			markdown: `# https://example.com/search/${position}\n\nScraped text of https://example.com/search/${position}.`,
			summary: { requested: 2, processed: 2, successful: 2, failed: 0, totalCost: 0.002 },
		})));
	},
	scenarios: [
		{
			name: 'a balance under $1 (402) fails the search with NanoGPT\'s web search minimum explained, nothing scraped',
			expectFailure: true,
			routes: { 'POST /web': { status: 402, json: { error: 'Insufficient balance', status: 402 } } },
			check({ server, error }) {
				assert.match(error.message, /Insufficient NanoGPT balance/);
				assert.match(`${error.description}`, /at least \$1\.00 for web search/);
				assert.equal(server.requestsTo('POST', '/web').length, 1, 'not retried');
				assert.equal(server.requestsTo('POST', '/scrape-urls').length, 0);
			},
		},
		{
			name: 'a page that cannot be scraped is its own item (success false, NanoGPT\'s reason); the other page is scraped',
			routes: {
				'POST /web': {
					json: {
						data: [
							{ type: 'text', title: 'Good', url: 'https://example.com/good', content: 'ok' },
							{ type: 'text', title: 'Gone', url: 'https://example.com/broken', content: 'gone' },
						],
						metadata: { query: 'q', provider: 'linkup', operation: 'search', depth: 'standard', outputType: 'searchResults', timestamp: '2026-12-05T08:00:00.000Z', cost: 0.006 },
					},
				},
			},
			check({ outputOf }) {
				const pages = outputOf('Scrape Each Result');
				assert.deepEqual(pages.map((item) => [item.json.url, item.json.success, item.json.error]), [
					['https://example.com/good', true, undefined],
					['https://example.com/broken', false, 'Failed to fetch page (HTTP 404)'],
				]);
			},
		},
	],
};
