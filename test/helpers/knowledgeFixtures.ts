/** Realistic bodies of NanoGPT's knowledge endpoints (web search, scraping, YouTube, embeddings, moderation, memory). */

export function webSearchResults(query = 'n8n release notes', count = 3) {
	return {
		data: Array.from({ length: count }, (_, index) => ({
			type: 'text',
			title: `Result ${index + 1} for ${query}`,
			url: `https://example.com/${index + 1}`,
			content: `Snippet ${index + 1} about ${query}.`,
		})),
		metadata: {
			query,
			provider: 'linkup',
			operation: 'search',
			depth: 'standard',
			outputType: 'searchResults',
			timestamp: '2026-12-05T08:00:00.000Z',
			cost: 0.006,
		},
	};
}

export function webSearchAnswer(query = 'What is n8n?') {
	return {
		data: {
			answer: 'n8n is a workflow automation tool.',
			sources: [{ name: 'n8n docs', url: 'https://docs.n8n.io', snippet: 'n8n is a workflow automation platform.' }],
		},
		metadata: {
			query,
			provider: 'linkup',
			operation: 'search',
			depth: 'deep',
			outputType: 'sourcedAnswer',
			timestamp: '2026-12-05T08:00:00.000Z',
			cost: 0.06,
		},
	};
}

/** /scrape-urls: every URL succeeds except those containing "broken". */
export function scrapeAnswer(urls: string[]) {
	const results = urls.map((url) =>
		url.includes('broken')
			? { url, success: false, error: 'Failed to fetch page (HTTP 404)' }
			: { url, success: true, title: `Title of ${url}`, content: `<html><body>${url}</body></html>`, markdown: `# Page ${url}` },
	);
	const successful = results.filter((result) => result.success).length;
	return {
		results,
		summary: { requested: urls.length, processed: urls.length, successful, failed: urls.length - successful, totalCost: successful * 0.001 },
	};
}
