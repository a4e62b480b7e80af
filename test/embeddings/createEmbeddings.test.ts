import type { INodeParameters } from 'n8n-workflow';

import { decodeEmbedding } from '../../nodes/shared/vectors';
import { embeddingModelLabel } from '../../nodes/shared/knowledgeModelSearch';
import { runNode, searchList } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { base64Embedding, bagOfWordsEmbedding, embeddingModelCatalog, embeddingsAnswer } from '../helpers/knowledgeFixtures';
import { openApiErrors } from '../helpers/openapi';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

function embed(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'embeddings', operation: 'create', model: modelById('text-embedding-3-small'), embeddingText: '={{ $json.text }}', ...extra };
}

beforeEach(() => {
	server.on('POST', '/v1/embeddings', authed((request) => ({ json: embeddingsAnswer(request.json) })));
});

describe('Embedding > Create: requests', () => {
	test('one text per item: the items\' texts go together in one request {model, input: [...]}, nothing else', async () => {
		const result = await runNode(embed(), { baseUrl: server.baseUrl, items: [{ json: { text: 'cats purr' } }, { json: { text: 'dogs bark' } }] });
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json)).toEqual([
			{ model: 'text-embedding-3-small', input: ['cats purr', 'dogs bark'] },
		]);
		expect(result.items.map((item) => [item.json.text, item.json.index, item.pairedItem])).toEqual([
			['cats purr', 0, { item: 0 }],
			['dogs bark', 0, { item: 1 }],
		]);
		expect(result.items[1].json.embedding).toEqual(bagOfWordsEmbedding('dogs bark'));
	});

	test('options: dimensions as a number, encoding format, user; base64 answers decoded to numbers', async () => {
		const result = await runNode(embed({ options: { dimensions: 8, encodingFormat: 'base64', user: 'user-42' } }), {
			baseUrl: server.baseUrl,
			items: [{ json: { text: 'cats purr loudly' } }],
		});
		expect(server.lastRequest().json).toEqual({ model: 'text-embedding-3-small', input: ['cats purr loudly'], dimensions: 8, encoding_format: 'base64', user: 'user-42' });
		const embedding = result.items[0].json.embedding as number[];
		expect(embedding).toHaveLength(8);
		bagOfWordsEmbedding('cats purr loudly', 8).forEach((value, index) => expect(embedding[index]).toBeCloseTo(value, 6));
	});

	test('texts from a field: a list of 5 with Batch Size 2 goes in requests of 2, 2 and 1', async () => {
		const texts = ['one apple', 'two pears', 'three plums', 'four figs', 'five kiwis'];
		const result = await runNode(embed({ embeddingInput: 'field', embeddingField: 'doc.chunks', options: { batchSize: 2 } }), {
			baseUrl: server.baseUrl,
			items: [{ json: { doc: { chunks: texts } } }],
		});
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json.input)).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
		expect(result.items.map((item) => [item.json.index, item.json.text, item.pairedItem])).toEqual(texts.map((text, index) => [index, text, { item: 0 }]));
	});

	test('many items, few requests: 7 items of 1 to 3 texts with Batch Size 4 go in requests of 4, 4 and 4 texts, in input order', async () => {
		const lists = [['a1'], ['b1', 'b2', 'b3'], ['c1', 'c2'], ['d1'], ['e1', 'e2', 'e3'], ['f1'], ['g1']];
		const result = await runNode(embed({ embeddingInput: 'field', embeddingField: 'texts', options: { batchSize: 4 } }), {
			baseUrl: server.baseUrl,
			items: lists.map((texts) => ({ json: { texts } })),
		});
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json.input).sort()).toEqual(
			[['a1', 'b1', 'b2', 'b3'], ['c1', 'c2', 'd1', 'e1'], ['e2', 'e3', 'f1', 'g1']].sort(),
		);
		expect(result.items.map((item) => [item.json.text, item.json.index, item.pairedItem])).toEqual(
			lists.flatMap((texts, itemIndex) => texts.map((text, index) => [text, index, { item: itemIndex }])),
		);
		result.items.forEach((item) => expect(item.json.embedding).toEqual(bagOfWordsEmbedding(item.json.text as string)));
	});

	test('items whose requests differ (model or options by expression) do not share a request', async () => {
		const result = await runNode(
			embed({ model: modelById('={{ $json.model }}'), options: { dimensions: '={{ $json.dimensions }}' } } as INodeParameters),
			{
				baseUrl: server.baseUrl,
				items: [
					{ json: { text: 'one', model: 'm-a', dimensions: 8 } },
					{ json: { text: 'two', model: 'm-b', dimensions: 8 } },
					{ json: { text: 'three', model: 'm-a', dimensions: 8 } },
					{ json: { text: 'four', model: 'm-a', dimensions: 16 } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const bodies = server.requestsTo('POST', '/v1/embeddings').map((request) => request.json);
		expect(bodies).toHaveLength(3);
		expect(bodies).toEqual(
			expect.arrayContaining([
				{ model: 'm-a', input: ['one', 'three'], dimensions: 8 },
				{ model: 'm-b', input: ['two'], dimensions: 8 },
				{ model: 'm-a', input: ['four'], dimensions: 16 },
			]),
		);
		expect(result.items.map((item) => [item.json.text, item.pairedItem])).toEqual([
			['one', { item: 0 }],
			['two', { item: 1 }],
			['three', { item: 2 }],
			['four', { item: 3 }],
		]);
	});

	test('2,050 texts of one item are split into 2,048 + 2 (NanoGPT\'s limit)', async () => {
		const texts = Array.from({ length: 2050 }, (_, index) => `text ${index}`);
		const result = await runNode(embed({ embeddingInput: 'field', embeddingField: 'texts' }), { baseUrl: server.baseUrl, items: [{ json: { texts } }] });
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json.input.length)).toEqual([2048, 2]);
		expect(result.items).toHaveLength(2050);
		expect(result.items[2049].json).toMatchObject({ index: 2049, text: 'text 2049' });
	});

	test('every body follows EmbeddingRequest of the official spec', async () => {
		const variants: INodeParameters[] = [
			embed(),
			embed({ options: { dimensions: 256, encodingFormat: 'float', user: 'u' } }),
			embed({ options: { encodingFormat: 'base64' } }),
			embed({ embeddingInput: 'field', embeddingField: 'list' }),
		];
		for (const parameters of variants) {
			const result = await runNode(parameters, { baseUrl: server.baseUrl, items: [{ json: { text: 'hello', list: ['a b c', 'd e f'] } }] });
			expect(result.error).toBeUndefined();
			expect(openApiErrors('EmbeddingRequest', server.lastRequest().json)).toEqual([]);
		}
	});
});

describe('Embedding > Create: output', () => {
	test('one item per text: text, embedding, index, model, dimensions, usage, cost', async () => {
		server.on('POST', '/v1/embeddings', (request) => ({ json: { ...embeddingsAnswer(request.json), x_nanogpt_pricing: { cost: 0.0000004, currency: 'USD' } } }));
		const result = await runNode(embed(), { baseUrl: server.baseUrl, items: [{ json: { text: 'cats purr' } }] });
		expect(result.items.map((item) => item.json)).toEqual([
			{
				text: 'cats purr',
				embedding: bagOfWordsEmbedding('cats purr'),
				index: 0,
				model: 'text-embedding-3-small',
				dimensions: 32,
				usage: { prompt_tokens: 2, total_tokens: 2 },
				cost: 0.0000004,
				currency: 'USD',
			},
		]);
	});

	test('answers out of order are matched by index', async () => {
		server.on('POST', '/v1/embeddings', (request) => {
			const answer = embeddingsAnswer(request.json);
			return { json: { ...answer, data: [...answer.data].reverse() } };
		});
		const result = await runNode(embed({ embeddingInput: 'field', embeddingField: 'texts' }), {
			baseUrl: server.baseUrl,
			items: [{ json: { texts: ['alpha words', 'beta words'] } }],
		});
		expect(result.items.map((item) => item.json.embedding)).toEqual([bagOfWordsEmbedding('alpha words'), bagOfWordsEmbedding('beta words')]);
	});

	test('a missing embedding in the answer is a clear error', async () => {
		server.on('POST', '/v1/embeddings', { json: { object: 'list', data: [], model: 'x', usage: { prompt_tokens: 0, total_tokens: 0 } } });
		const result = await runNode(embed(), { baseUrl: server.baseUrl, items: [{ json: { text: 'x' } }] });
		expect(result.error?.message).toBe('NanoGPT returned no embedding for text 0');
	});
});

describe('Embedding > Create: errors', () => {
	test.each([
		[{ embeddingText: '={{ "" }}' }, { text: '' }, 'The parameter "Text" is empty'],
		[{ embeddingInput: 'field', embeddingField: 'missing' }, { text: 'x' }, 'The input item has no field "missing"'],
		[{ embeddingInput: 'field', embeddingField: 'list' }, { list: [] }, 'The field "list" holds an empty list'],
		[{ embeddingInput: 'field', embeddingField: 'list' }, { list: ['ok', 7] }, 'The field "list" has an entry that is not a text (entry 1)'],
		[{ options: { dimensions: 0 } }, { text: 'x' }, 'The parameter "Dimensions" must be at least 1'],
		[{ options: { batchSize: 5000 } }, { text: 'x' }, 'The parameter "Batch Size" must be at least 1 and at most 2048'],
	])('%j with %j fails before sending: %s', async (extra, json, message) => {
		const result = await runNode(embed(extra as INodeParameters), { baseUrl: server.baseUrl, items: [{ json }] });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('POST', '/v1/embeddings')).toHaveLength(0);
	});

	test('Continue On Fail: NanoGPT errors and bad input become error items paired with their input', async () => {
		server.on('POST', '/v1/embeddings', (request) =>
			request.json.input.includes('too long')
				? { status: 400, json: { error: { message: 'Input too long', type: 'invalid_request_error', code: 'context_length_exceeded' } } }
				: { json: embeddingsAnswer(request.json) },
		);
		const result = await runNode(embed(), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { text: 'fine' } }, { json: { text: 'too long' } }, { json: { text: '' } }],
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.text])).toEqual([
			[{ item: 0 }, 'fine'],
			[{ item: 1 }, 'NanoGPT rejected the request: Input too long'],
			[{ item: 2 }, 'The parameter "Text" is empty'],
		]);
		// The shared request was refused (400, not billed); each item was then sent alone, so only the item at fault fails.
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json.input)).toEqual([['fine', 'too long'], ['fine'], ['too long']]);
	});

	test('a shared request that fails for another reason (402) fails every item it carried, each paired with its input', async () => {
		server.on('POST', '/v1/embeddings', { status: 402, json: { error: 'Insufficient balance', status: 402 } });
		const result = await runNode(embed(), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { text: 'one' } }, { json: { text: 'two' } }],
		});
		expect(server.requestsTo('POST', '/v1/embeddings')).toHaveLength(1);
		expect(result.items.map((item) => [item.pairedItem, String(item.json.error).startsWith('Insufficient NanoGPT balance')])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, true],
		]);
	});

	test('a shared request answered 503 once is retried as a whole; every text is sent (and billed) once', async () => {
		let calls = 0;
		server.on('POST', '/v1/embeddings', (request) =>
			++calls === 1 ? { status: 503, json: { error: { message: 'busy' } } } : { json: embeddingsAnswer(request.json) },
		);
		const result = await runNode(embed({ retryOptions: { retryBaseDelayMs: 1 } } as INodeParameters), {
			baseUrl: server.baseUrl,
			items: [{ json: { text: 'one' } }, { json: { text: 'two' } }],
		});
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/v1/embeddings').map((request) => request.json.input)).toEqual([['one', 'two'], ['one', 'two']]);
		expect(result.items).toHaveLength(2);
	});
});

describe('the embedding model list', () => {
	test('labels show dimensions and price; the list is searchable', async () => {
		server.on('GET', '/v1/embedding-models', { json: embeddingModelCatalog });
		const { results } = await searchList('searchEmbeddingModels', { baseUrl: server.baseUrl, filter: 'small' });
		expect(results).toEqual([
			{
				name: 'Text Embedding 3 Small (1536 dimensions, reducible; $0.02 per 1M tokens)',
				value: 'text-embedding-3-small',
				description: 'Most cost-effective OpenAI embedding model with dimension reduction support',
			},
		]);
		expect(embeddingModelLabel({ id: 'x' })).toBe('x');
	});
});

describe('decodeEmbedding', () => {
	test('float arrays as they are; base64 float32 decoded; anything else undefined', () => {
		expect(decodeEmbedding([0.5, -1])).toEqual([0.5, -1]);
		expect(decodeEmbedding(base64Embedding([0.5, -1, 0.25]))).toEqual([0.5, -1, 0.25]);
		expect(decodeEmbedding('abc')).toBeUndefined();
		expect(decodeEmbedding(['x'])).toBeUndefined();
		expect(decodeEmbedding(null)).toBeUndefined();
	});
});
