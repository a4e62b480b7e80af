import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { textModelCatalog } from '../helpers/fixtures';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

const providers = {
	canonicalId: 'deepseek/deepseek-v3.2',
	displayName: 'DeepSeek V3.2',
	supportsProviderSelection: true,
	defaultPrice: { inputPer1kTokens: 0.0004, outputPer1kTokens: 0.00175 },
	providers: [
		{ provider: 'deepinfra', pricing: { inputPer1kTokens: 0.0003, outputPer1kTokens: 0.001 }, available: true },
		{ provider: 'novita', pricing: { inputPer1kTokens: 0.0005, outputPer1kTokens: 0.002 }, available: false },
	],
};

describe('Model > Get Providers', () => {
	test('GET /models/{canonicalId}/providers with the ID encoded; prices per million next to per 1K', async () => {
		server.on('GET', '/models/deepseek%2Fdeepseek-v3.2/providers', authed(() => ({ json: providers })));
		const result = await runNode({ resource: 'model', operation: 'getProviders', model: modelById(' deepseek/deepseek-v3.2 ') }, { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request.method).toBe('GET');
		expect(request.rawBody.length).toBe(0);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			...providers,
			availableProviders: ['deepinfra'],
			defaultPrice: { inputPerMillionTokens: 0.4, outputPerMillionTokens: 1.75, ...providers.defaultPrice },
			providers: [
				{ inputPerMillionTokens: 0.3, outputPerMillionTokens: 1, ...providers.providers[0] },
				{ inputPerMillionTokens: 0.5, outputPerMillionTokens: 2, ...providers.providers[1] },
			],
		});
	});

	test('an empty model is refused before anything is sent', async () => {
		const result = await runNode({ resource: 'model', operation: 'getProviders', model: modelById('  ') }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Model" is empty');
		expect(server.requests).toHaveLength(0);
	});

	test('a model without provider selection is reported in NanoGPT words', async () => {
		server.on('GET', '/models/x/providers', { status: 400, json: { error: { message: 'Model does not support provider selection', type: 'invalid_request_error' } } });
		const result = await runNode({ resource: 'model', operation: 'getProviders', model: modelById('x') }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toContain('Model does not support provider selection');
	});
});

describe('Model > List: text catalogues', () => {
	test.each([
		['subscription', '/subscription/v1/models'],
		['paid', '/paid/v1/models'],
		['personalized', '/personalized/v1/models'],
		['all', '/v1/models'],
	])('Catalogue %s reads %s (detailed)', async (textCatalogue, path) => {
		server.on('GET', path, { json: textModelCatalog() });
		const result = await runNode({ resource: 'model', operation: 'list', modelType: 'text', textCatalogue, returnAll: true }, { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ path, query: { detailed: 'true' } });
		expect(result.items.length).toBe(textModelCatalog().data.length);
	});
});
