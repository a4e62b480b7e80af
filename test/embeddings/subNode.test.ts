import type { INodeType } from 'n8n-workflow';

import { loadPackage, searchList } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { bagOfWordsEmbedding, embeddingModelCatalog, embeddingsAnswer } from '../helpers/knowledgeFixtures';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';
import { Document, EMBEDDINGS_TYPE, MemoryVectorStoreManager, parameters, runWithEmbeddings } from './harness';

const server = useFakeNanoGpt();

beforeEach(() => {
	server.on('POST', '/v1/embeddings', authed((request) => ({ json: embeddingsAnswer(request.json) })));
});

const DOCUMENTS = [
	'The cat sleeps on the warm windowsill all afternoon.',
	'Invoices are due within thirty days of the billing date.',
	'Our office is closed on public holidays and weekends.',
];

describe('NanoGPT Embeddings sub-node', () => {
	test('embedDocuments and embedQuery: exact bodies (spec-valid), vectors in order', async () => {
		const result = await runWithEmbeddings(
			parameters('text-embedding-3-small', { dimensions: 16, batchSize: 2 }),
			async (embeddings) => ({ documents: await embeddings.embedDocuments(DOCUMENTS), query: await embeddings.embedQuery('When are invoices due?') }),
			server.baseUrl,
		);
		expect(result.error).toBeUndefined();
		const bodies = server.requestsTo('POST', '/v1/embeddings').map((request) => request.json);
		expect(bodies).toEqual([
			{ model: 'text-embedding-3-small', input: DOCUMENTS.slice(0, 2), dimensions: 16 },
			{ model: 'text-embedding-3-small', input: DOCUMENTS.slice(2), dimensions: 16 },
			{ model: 'text-embedding-3-small', input: ['When are invoices due?'], dimensions: 16 },
		]);
		for (const body of bodies) expect(openApiErrors('EmbeddingRequest', body)).toEqual([]);
		expect(result.output).toEqual({
			documents: DOCUMENTS.map((text) => bagOfWordsEmbedding(text, 16)),
			query: bagOfWordsEmbedding('When are invoices due?', 16),
		});
	});

	test("n8n's in-memory vector store (Simple Vector Store) accepts it: insert, then the right document ranks first", async () => {
		const result = await runWithEmbeddings(
			parameters(),
			async (embeddings, context) => {
				const manager = MemoryVectorStoreManager.getInstance(embeddings, context.logger);
				await manager.addDocuments('nanogpt-test', DOCUMENTS.map((pageContent) => new Document({ pageContent, metadata: {} })), true);
				const store = await manager.getVectorStore('nanogpt-test');
				const found = await store.similaritySearchWithScore('when are the invoices due for billing', 3);
				return { ranked: found.map(([document]: any[]) => document.pageContent) };
			},
			server.baseUrl,
		);
		expect(result.error).toBeUndefined();
		expect((result.output?.ranked as string[])[0]).toBe(DOCUMENTS[1]);
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json.input.length)).toEqual([3, 1]);
	});

	test('each call shows on the sub-node in the editor: its input and its output', async () => {
		const result = await runWithEmbeddings(parameters(), async (embeddings) => ({ vector: await embeddings.embedQuery('hello world') }), server.baseUrl);
		expect(result.subNodeRuns).toHaveLength(1);
		expect(result.subNodeRuns[0].inputOverride.ai_embedding[0][0].json).toEqual({ query: 'hello world' });
		expect(result.subNodeRuns[0].data.ai_embedding[0][0].json).toEqual({ response: bagOfWordsEmbedding('hello world') });
	});

	test('NanoGPT errors in NanoGPT words; 429 is retried, 401 is not', async () => {
		server.queue('POST', '/v1/embeddings', { status: 429, headers: { 'retry-after': '0' }, json: { error: { message: 'Rate limit exceeded', type: 'rate_limit_error' } } });
		const retried = await runWithEmbeddings(parameters(), async (embeddings) => ({ vector: await embeddings.embedQuery('hello') }), server.baseUrl);
		expect(retried.error).toBeUndefined();
		expect(server.requestsTo('POST', '/v1/embeddings')).toHaveLength(2);

		server.reset();
		server.on('POST', '/v1/embeddings', { status: 400, json: { error: { message: 'Model does not support dimensions', type: 'invalid_request_error', param: 'dimensions' } } });
		const failed = await runWithEmbeddings(parameters('BAAI/bge-m3', { dimensions: 64 }), async (embeddings) => ({ vector: await embeddings.embedQuery('hello') }), server.baseUrl);
		expect(failed.error?.message).toBe('NanoGPT rejected the request: Model does not support dimensions');
		expect(failed.error?.description).toBe('Check the value sent as "dimensions".');
		expect(server.requestsTo('POST', '/v1/embeddings')).toHaveLength(1);
	});

	test.each([
		[parameters(''), 'No embedding model selected'],
		[parameters('text-embedding-3-small', { batchSize: 4000 }), 'The option "Batch Size" is not valid'],
		[parameters('text-embedding-3-small', { dimensions: 0 }), 'The option "Dimensions" is not valid'],
	])('bad parameters fail with a clear message, nothing sent', async (nodeParameters, message) => {
		const result = await runWithEmbeddings(nodeParameters, async (embeddings) => ({ vector: await embeddings.embedQuery('hello') }), server.baseUrl);
		expect(result.error?.message).toBe('Error in sub-node NanoGPT Embeddings');
		expect(result.error?.description).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	test('an empty document or query is refused before sending', async () => {
		const result = await runWithEmbeddings(parameters(), async (embeddings) => ({ vectors: await embeddings.embedDocuments(['ok', '']) }), server.baseUrl);
		expect(result.error?.message).toBe('Document 1 to embed is empty');
		expect(server.requests).toHaveLength(0);
	});

	test('the model list shows dimensions and price', async () => {
		server.on('GET', '/v1/embedding-models', { json: embeddingModelCatalog });
		const pkg = await loadPackage();
		const nodeType = pkg.nodeTypes[EMBEDDINGS_TYPE] as INodeType;
		expect(Object.keys(nodeType.methods?.listSearch ?? {})).toEqual(['searchEmbeddingModels']);
		const { results } = await searchList('searchEmbeddingModels', { baseUrl: server.baseUrl });
		expect(results.map((result) => result.name)).toEqual([
			'BGE M3 (1024 dimensions; $0.01 per 1M tokens)',
			'Text Embedding 3 Small (1536 dimensions, reducible; $0.02 per 1M tokens)',
		]);
	});

	test('the description: an ai_embedding output, no inputs, the NanoGPT credential', async () => {
		const pkg = await loadPackage();
		const { description } = pkg.nodeTypes[EMBEDDINGS_TYPE] as INodeType;
		expect(description).toMatchObject({ name: 'embeddingsNanoGpt', inputs: [], outputs: ['ai_embedding'], credentials: [{ name: 'nanoGptApi', required: true }] });
	});
});
