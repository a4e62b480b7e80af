'use strict';
/**
 * The fake NanoGPT's knowledge endpoints (web search, scraping, embeddings), in NanoGPT's response shapes.
 * Embeddings are deterministic bag-of-words vectors: texts that share words are close, so in a similarity search
 * the document that shares the most words with the query ranks first.
 */

const EMBEDDING_DIMENSIONS = 32;

function bagOfWordsEmbedding(text, dimensions = EMBEDDING_DIMENSIONS) {
	const vector = new Array(dimensions).fill(0);
	for (const word of String(text).toLowerCase().match(/[a-z0-9]{3,}/g) || []) {
		let hash = 0;
		for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
		vector[hash % dimensions] += 1;
	}
	const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
	return vector.map((value) => Math.round((value / norm) * 1e6) / 1e6);
}

function webResults(query) {
	return [1, 2].map((position) => ({
		type: 'text',
		title: `Result ${position} for ${query}`,
		url: `https://example.com/search/${position}`,
		content: `Snippet ${position} about ${query}.`,
	}));
}

function knowledgeRoutes() {
	return {
		'POST /web': (request) => {
			const body = request.json || {};
			const outputType = body.outputType || 'searchResults';
			const data =
				outputType === 'sourcedAnswer'
					? { answer: `A sourced answer about ${body.query}.`, sources: [{ name: 'Example', url: 'https://example.com', snippet: 'Example snippet' }] }
					: webResults(body.query);
			return {
				json: {
					data,
					metadata: {
						query: body.query,
						provider: body.provider || 'linkup',
						operation: body.operation || 'search',
						depth: body.depth || 'standard',
						outputType,
						timestamp: '2026-12-05T08:00:00.000Z',
						cost: body.depth === 'deep' ? 0.06 : 0.006,
					},
				},
			};
		},
		'POST /scrape-urls': (request) => {
			const urls = (request.json && request.json.urls) || [];
			const results = urls.map((url) =>
				url.includes('broken')
					? { url, success: false, error: 'Failed to fetch page (HTTP 404)' }
					: { url, success: true, title: `Title of ${url}`, content: `<html><body><h1>${url}</h1></body></html>`, markdown: `# ${url}\n\nScraped text of ${url}.` },
			);
			const successful = results.filter((result) => result.success).length;
			return {
				json: {
					results,
					summary: { requested: urls.length, processed: urls.length, successful, failed: urls.length - successful, totalCost: successful * 0.001 },
				},
			};
		},
		'POST /v1/embeddings': (request) => {
			const body = request.json || {};
			const inputs = Array.isArray(body.input) ? body.input : [body.input];
			const tokens = inputs.reduce((sum, text) => sum + String(text).split(/\s+/).length, 0);
			return {
				json: {
					object: 'list',
					data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWordsEmbedding(text, body.dimensions || EMBEDDING_DIMENSIONS) })),
					model: body.model,
					usage: { prompt_tokens: tokens, total_tokens: tokens },
				},
			};
		},
		'POST /youtube-transcribe': (request) => {
			const urls = (request.json && request.json.urls) || [];
			const transcripts = urls.map((url) =>
				url.includes('private')
					? { url, success: false, error: 'Transcript not available for this video' }
					: { url, success: true, title: `Video ${url.slice(-6)}`, transcript: `Welcome to video ${url.slice(-6)}. Today we build a workflow.` },
			);
			const successful = transcripts.filter((entry) => entry.success).length;
			return {
				json: {
					transcripts,
					summary: { requested: urls.length, processed: urls.length, successful, failed: urls.length - successful, totalCost: successful * 0.01 },
				},
			};
		},
		'POST /v1/moderations': (request) => {
			const input = JSON.stringify((request.json && request.json.input) || '');
			const hate = /hate/i.test(input);
			return {
				json: {
					id: 'modr_e2e_1',
					model: (request.json && request.json.model) || 'omni-moderation-latest',
					results: [{ flagged: hate, categories: { hate, violence: false }, category_scores: { hate: hate ? 0.91 : 0.01, violence: 0.02 } }],
					usage: { prompt_tokens: 12, total_tokens: 12 },
				},
			};
		},
		'POST /v1/memory': (request) => {
			const messages = (request.json && request.json.messages) || [];
			const last = messages[messages.length - 1];
			return {
				json: {
					messages: [{ role: 'system', content: `Summary of ${messages.length - 1} earlier messages.` }, ...(last ? [last] : [])],
					usage: { prompt_tokens: 50 * messages.length, completion_tokens: 12, total_tokens: 50 * messages.length + 12 },
				},
			};
		},
		'GET /v1/embedding-models': () => ({
			json: {
				object: 'list',
				data: [
					{
						id: 'text-embedding-3-small',
						object: 'model',
						created: 1754480583,
						owned_by: 'openai',
						name: 'Text Embedding 3 Small',
						dimensions: 1536,
						supports_dimensions: true,
						max_tokens: 8191,
						pricing: { per_million_tokens: 0.02, currency: 'USD' },
					},
				],
			},
		}),
	};
}

/** Catalogues NanoGPT serves without a key. */
const KNOWLEDGE_PUBLIC_ROUTES = ['GET /v1/embedding-models'];

module.exports = { knowledgeRoutes, KNOWLEDGE_PUBLIC_ROUTES, bagOfWordsEmbedding, EMBEDDING_DIMENSIONS };
