import { runNode, searchList } from '../helpers/engine';
import { textModelCatalog } from '../helpers/fixtures';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

describe('Model dropdown (listSearch through n8n-core LoadOptionsContext)', () => {
	test('returns every model of a multi-hundred-model catalogue, IDs intact, with name and price', async () => {
		const catalog = textModelCatalog();
		const { results } = await searchList('searchTextModels', { baseUrl: server.baseUrl });
		expect(results).toHaveLength(catalog.data.length);
		expect(new Set(results.map((result) => result.value))).toEqual(new Set(catalog.data.map((model) => model.id)));
		expect(results.find((result) => result.value === 'moonshotai/kimi-k2.5:thinking')?.name).toBe(
			'Kimi K2.5 Thinking ($0.6 / $2.5 per 1M tokens)',
		);
		const request = server.lastRequest();
		expect(request).toMatchObject({ method: 'GET', path: '/v1/models', query: { detailed: 'true' } });
	});

	test('filters by name or ID, case-insensitively', async () => {
		const { results } = await searchList('searchTextModels', { baseUrl: server.baseUrl, filter: 'KIMI-K2.5' });
		expect(results.map((result) => result.value)).toEqual(['moonshotai/kimi-k2.5:thinking']);
	});

	test('a catalogue error is shown to the user in NanoGPT words', async () => {
		server.on('GET', '/v1/models', { status: 429, json: { code: 'rate_limited', message: 'Rate limit exceeded' } });
		await expect(searchList('searchTextModels', { baseUrl: server.baseUrl })).rejects.toThrow('NanoGPT rate limit reached: Rate limit exceeded');
	});

	test('an ID typed by hand is used without loading the list', async () => {
		await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(server.requestsTo('GET', '/v1/models')).toHaveLength(0);
	});
});
