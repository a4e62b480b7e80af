import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { textModelCatalog } from '../helpers/fixtures';
import { useFakeNanoGpt } from '../helpers/server';
import { embeddingCatalog, imageCatalog, sttCatalog, ttsCatalog, videoCatalog } from './catalogFixtures';

const server = useFakeNanoGpt();

beforeEach(() => {
	server.on('GET', '/v1/image-models', { json: imageCatalog });
	server.on('GET', '/v1/audio-models', (request) => ({ json: request.query.type === 'stt' ? sttCatalog : ttsCatalog }));
	server.on('GET', '/v1/video-models', { json: videoCatalog });
	server.on('GET', '/v1/embedding-models', { json: embeddingCatalog });
});

async function list(parameters: INodeParameters) {
	const result = await runNode({ resource: 'model', operation: 'list', ...parameters }, { baseUrl: server.baseUrl });
	expect(result.error).toBeUndefined();
	return result;
}

describe('Model > List: one item per model of each kind', () => {
	const kinds: Array<[string, string, Record<string, string>, { data: Array<{ id: string }> }]> = [
		['image', '/v1/image-models', { detailed: 'true' }, imageCatalog],
		['tts', '/v1/audio-models', { type: 'tts', detailed: 'true' }, ttsCatalog],
		['stt', '/v1/audio-models', { type: 'stt', detailed: 'true' }, sttCatalog],
		['video', '/v1/video-models', { detailed: 'true' }, videoCatalog],
		['embedding', '/v1/embedding-models', {}, embeddingCatalog],
	];
	test.each(kinds)('%s: GET %s', async (modelType, path, query, catalog) => {
		const result = await list({ modelType });
		expect(server.lastRequest()).toMatchObject({ method: 'GET', path });
		expect(server.lastRequest().query).toEqual(query);
		expect(result.items.map((item) => item.json.id)).toEqual(catalog.data.map((model) => model.id));
		for (const item of result.items) expect(item.json.kind).toBe(modelType);
	});

	test('text: GET /v1/models?detailed=true, all of a large catalogue with Return All', async () => {
		const catalog = textModelCatalog();
		const result = await list({ modelType: 'text', returnAll: true });
		expect(server.lastRequest()).toMatchObject({ method: 'GET', path: '/v1/models' });
		expect(server.lastRequest().query).toEqual({ detailed: 'true' });
		expect(result.items).toHaveLength(catalog.data.length);
		expect(result.items.map((item) => item.pairedItem)).toEqual(catalog.data.map(() => ({ item: 0 })));
	});
});

describe('Model > List output', () => {
	test('normalized fields first, then every raw field', async () => {
		const result = await list({ modelType: 'image' });
		expect(result.items[0].json).toEqual({
			id: 'hidream',
			name: 'HiDream',
			description: 'Open image model',
			kind: 'image',
			lowestPrice: 0.0075,
			priceLabel: 'from $0.0075 per image',
			pricing: imageCatalog.data[0].pricing,
			capabilities: imageCatalog.data[0].capabilities,
			supported_parameters: imageCatalog.data[0].supported_parameters,
			category: 'image',
		});
		expect(Object.keys(result.items[0].json).slice(0, 8)).toEqual([
			'id', 'name', 'description', 'kind', 'lowestPrice', 'priceLabel', 'pricing', 'capabilities',
		]);
	});

	test('a model without name, price or capabilities still gets every normalized field', async () => {
		const result = await list({ modelType: 'image', search: 'unpriced' });
		expect(result.items.map((item) => item.json)).toEqual([
			{ id: 'no-price-yet', name: 'Unpriced Model', description: null, kind: 'image', lowestPrice: null, priceLabel: null, pricing: null, capabilities: null },
		]);
	});

	test('text prices: the lowest of prompt and completion, and the label', async () => {
		const result = await list({ modelType: 'text', search: 'kimi-k2.5' });
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: 'moonshotai/kimi-k2.5:thinking',
				name: 'Kimi K2.5 Thinking',
				lowestPrice: 0.6,
				priceLabel: '$0.6 / $2.5 per 1M tokens',
				owned_by: 'moonshotai',
			}),
		]);
	});

	test('prices sent as strings become numbers', async () => {
		const result = await list({ modelType: 'stt', search: 'wizper' });
		expect(result.items[0].json).toMatchObject({ lowestPrice: 0.005, priceLabel: '$0.005 per minute' });
	});

	test('embedding fields (dimensions) are kept', async () => {
		const result = await list({ modelType: 'embedding', search: 'bge' });
		expect(result.items[0].json).toMatchObject({ id: 'BAAI/bge-m3', lowestPrice: 0.01, dimensions: 1024, max_tokens: 8192 });
	});
});

describe('Model > List search, sort and limit', () => {
	test('the limit defaults to 50', async () => {
		const result = await list({ modelType: 'text' });
		expect(result.items).toHaveLength(50);
	});

	test('a custom limit', async () => {
		const result = await list({ modelType: 'text', limit: 3 });
		expect(result.items.map((item) => item.json.id)).toEqual(textModelCatalog().data.slice(0, 3).map((model) => model.id));
	});

	test('search matches ID or name, case-insensitively', async () => {
		const byName = await list({ modelType: 'video', search: 'KLING' });
		expect(byName.items.map((item) => item.json.id)).toEqual(['kling-video-v2']);
		const byId = await list({ modelType: 'video', search: 'veo3-' });
		expect(byId.items.map((item) => item.json.id)).toEqual(['veo3-video']);
	});

	test('lowest price first picks the cheapest; unpriced models last', async () => {
		const result = await list({ modelType: 'image', sortBy: 'price' });
		expect(result.items.map((item) => item.json.id)).toEqual(['hidream', 'gpt-image-1', 'no-price-yet']);
		const cheapest = await list({ modelType: 'tts', sortBy: 'price', limit: 1 });
		expect(cheapest.items.map((item) => item.json.id)).toEqual(['Kokoro-82m']);
	});

	test('sort by name', async () => {
		const result = await list({ modelType: 'image', sortBy: 'name' });
		expect(result.items.map((item) => item.json.name)).toEqual(['GPT Image 1', 'HiDream', 'Unpriced Model']);
	});

	test('a limit of 0 is refused before anything is sent', async () => {
		const result = await runNode({ resource: 'model', operation: 'list', modelType: 'text', limit: 0 }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Limit" must be at least 1');
		expect(server.requestsTo('GET', '/v1/models')).toHaveLength(0);
	});

	test('a catalogue error is reported in NanoGPT words', async () => {
		server.on('GET', '/v1/video-models', { status: 500, json: { error: { message: 'Catalogue unavailable' } } });
		const result = await runNode(
			{ resource: 'model', operation: 'list', modelType: 'video', requestSettings: { maxRetries: 0 } },
			{ baseUrl: server.baseUrl },
		);
		expect(result.error?.message).toBe('NanoGPT had an internal error: Catalogue unavailable');
	});

	test('a catalogue answer that is not JSON is a clear error', async () => {
		server.on('GET', '/v1/video-models', { headers: { 'content-type': 'text/html' }, body: 'maintenance' });
		const result = await runNode({ resource: 'model', operation: 'list', modelType: 'video' }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT sent a model list that is not JSON');
	});
});
