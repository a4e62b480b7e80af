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
		await expect(searchList('searchTextModels', { baseUrl: server.baseUrl })).rejects.toThrow('Could not load the NanoGPT model list: NanoGPT rate limit reached: Rate limit exceeded');
	});

	// n8n's editor shows only the message of a list error, so the message carries the reason and the way out.
	test.each([
		['text', 'searchTextModels', '/v1/models'],
		['image', 'searchImageModels', '/v1/image-models'],
		['speech', 'searchSpeechModels', '/v1/audio-models'],
		['transcription', 'searchTranscriptionModels', '/v1/audio-models'],
		['video', 'searchVideoModels', '/v1/video-models'],
	])('a %s model list that fails says why and that Model can be switched to By ID, in the message itself', async (_kind, method, path) => {
		server.on('GET', path, { status: 401, json: { error: { message: 'Invalid API key', code: 'invalid_api_key' } } });
		const error = await searchList(method, { baseUrl: server.baseUrl }).catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/^Could not load the NanoGPT model list: NanoGPT did not accept the API key: Invalid API key\. .+\. You can switch Model to By ID and enter the model ID meanwhile\.$/);
		expect((error as { httpCode?: string }).httpCode).toBe('401');
	});

	test('a model list that cannot reach NanoGPT names the reason in words, with the By ID way out', async () => {
		const error = await searchList('searchTextModels', { baseUrl: 'http://127.0.0.1:1/api' }).catch((caught: Error) => caught);
		expect((error as Error).message).toMatch(
			/^Could not load the NanoGPT model list: [A-Z][^\n]+\. You can switch Model to By ID and enter the model ID meanwhile\.$/,
		);
		expect((error as Error).message).not.toMatch(/ECONNREFUSED|AxiosError|\[object Object\]/);
	});

	test('an ID typed by hand is used without loading the list', async () => {
		await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(server.requestsTo('GET', '/v1/models')).toHaveLength(0);
	});
});
