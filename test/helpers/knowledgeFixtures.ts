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

/** The dimensions of the fake bag-of-words embeddings. */
export const FAKE_EMBEDDING_DIMENSIONS = 32;

/**
 * A deterministic bag-of-words embedding: each word (lower case, 3+ letters) adds 1 to the dimension its hash picks,
 * then the vector is normalised. Texts sharing words are close, so the right document ranks first in a search.
 */
export function bagOfWordsEmbedding(text: string, dimensions = FAKE_EMBEDDING_DIMENSIONS): number[] {
	const vector = new Array<number>(dimensions).fill(0);
	for (const word of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
		let hash = 0;
		for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
		vector[hash % dimensions] += 1;
	}
	const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
	return vector.map((value) => Math.round((value / norm) * 1e6) / 1e6);
}

/** The little-endian float32 base64 form of a vector (encoding_format "base64"). */
export function base64Embedding(vector: number[]): string {
	const bytes = Buffer.alloc(vector.length * 4);
	vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
	return bytes.toString('base64');
}

/** /v1/embeddings: one bag-of-words vector per input, in NanoGPT's (OpenAI's) response shape. */
export function embeddingsAnswer(body: { input: string | string[]; model: string; encoding_format?: string; dimensions?: number }) {
	const inputs = Array.isArray(body.input) ? body.input : [body.input];
	const tokens = inputs.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
	return {
		object: 'list',
		data: inputs.map((text, index) => {
			const vector = bagOfWordsEmbedding(text, body.dimensions ?? FAKE_EMBEDDING_DIMENSIONS);
			return { object: 'embedding', index, embedding: body.encoding_format === 'base64' ? base64Embedding(vector) : vector };
		}),
		model: body.model,
		usage: { prompt_tokens: tokens, total_tokens: tokens },
	};
}

export const embeddingModelCatalog = {
	object: 'list',
	data: [
		{
			id: 'text-embedding-3-small',
			object: 'model',
			created: 1754480583,
			owned_by: 'openai',
			name: 'Text Embedding 3 Small',
			description: 'Most cost-effective OpenAI embedding model with dimension reduction support',
			dimensions: 1536,
			supports_dimensions: true,
			max_tokens: 8191,
			pricing: { per_million_tokens: 0.02, currency: 'USD' },
		},
		{
			id: 'BAAI/bge-m3',
			object: 'model',
			created: 1754480583,
			owned_by: 'baai',
			name: 'BGE M3',
			dimensions: 1024,
			supports_dimensions: false,
			max_tokens: 8192,
			pricing: { per_million_tokens: 0.01, currency: 'USD' },
		},
	],
};
