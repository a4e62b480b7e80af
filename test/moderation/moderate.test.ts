import type { INodeParameters } from 'n8n-workflow';

import { runNode, searchList } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function moderationAnswer(input: unknown, model = 'omni-moderation-latest') {
	const text = JSON.stringify(input);
	return {
		id: 'modr_test_1',
		model,
		results: [
			{
				flagged: text.includes('hate'),
				categories: { hate: text.includes('hate'), violence: false },
				category_scores: { hate: text.includes('hate') ? 0.91 : 0.01, violence: 0.02 },
			},
		],
		usage: { prompt_tokens: 12, total_tokens: 12 },
	};
}

function moderate(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'text', operation: 'moderate', moderationText: '={{ $json.comment }}', ...extra };
}

beforeEach(() => {
	server.on('POST', '/v1/moderations', authed((request) => ({ json: moderationAnswer(request.json.input, request.json.model) })));
});

describe('Text > Moderate', () => {
	test('a text alone: {input: text}, no model (NanoGPT default); flagged with categories and scores', async () => {
		const result = await runNode(moderate(), { baseUrl: server.baseUrl, items: [{ json: { comment: 'I hate this' } }, { json: { comment: 'Nice work' } }] });
		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('POST', '/v1/moderations');
		expect(requests.map((request) => request.json)).toEqual([{ input: 'I hate this' }, { input: 'Nice work' }]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				flagged: true,
				flaggedCategories: ['hate'],
				categories: { hate: true, violence: false },
				categoryScores: { hate: 0.91, violence: 0.02 },
				index: 0,
				model: 'omni-moderation-latest',
				id: 'modr_test_1',
				usage: { prompt_tokens: 12, total_tokens: 12 },
			},
			expect.objectContaining({ flagged: false, flaggedCategories: [] }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a chosen model, text and images (URL and binary) as content parts; bodies follow ModerationRequest', async () => {
		const item = { json: { comment: 'Look at this' }, binary: { photo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'p.png' } } };
		const result = await runNode(
			moderate({
				moderationModel: { __rl: true, mode: 'id', value: 'omni-moderation-latest' },
				moderationImages: { image: [{ source: 'url', imageUrl: 'https://example.com/a.png' }, { source: 'binary', binaryPropertyName: 'photo' }] },
			}),
			{ baseUrl: server.baseUrl, items: [item] },
		);
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({
			model: 'omni-moderation-latest',
			input: [
				{ type: 'text', text: 'Look at this' },
				{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
				{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
			],
		});
		expect(openApiErrors('ModerationRequest', body)).toEqual([]);
		expect(openApiErrors('ModerationRequest', { input: 'text only' })).toEqual([]);
	});

	test.each([
		[moderate({ moderationText: '={{ "" }}' }), 'Nothing to check: "Text to Check" is empty and no image is given'],
		[moderate({ moderationImages: { image: [{ source: 'url', imageUrl: 'not a url' }] } }), 'The parameter "Image URL" has an entry that is not a web address'],
		[moderate({ moderationImages: { image: [{ source: 'binary', binaryPropertyName: 'missing' }] } }), 'The input item has no binary property "missing" (parameter "Input Binary Field")'],
	])('bad input fails before sending: %#', async (parameters, message) => {
		const result = await runNode(parameters, { baseUrl: server.baseUrl, items: [{ json: { comment: '' } }] });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('POST', '/v1/moderations')).toHaveLength(0);
	});

	test('NanoGPT errors in its words (unsupported modality)', async () => {
		server.on('POST', '/v1/moderations', {
			status: 400,
			json: { error: { message: 'This model does not accept images', type: 'invalid_request_error', code: 'unsupported_input_modality', param: 'input' } },
		});
		const result = await runNode(moderate({ moderationImages: { image: [{ source: 'url', imageUrl: 'https://example.com/a.png' }] } }), {
			baseUrl: server.baseUrl,
			items: [{ json: { comment: 'x' } }],
		});
		expect(result.error?.message).toBe('NanoGPT rejected the request: This model does not accept images');
		expect(result.error?.description).toBe('Check the value sent as "input".');
	});

	test('the moderation model list shows the accepted inputs and the price', async () => {
		server.on('GET', '/v1/moderation-models', {
			json: {
				object: 'list',
				data: [
					{ id: 'omni-moderation-latest', object: 'model', created: 1, owned_by: 'openai', capabilities: { text: true, image: true, batch: true }, pricing: { prompt: 0, completion: 0, currency: 'USD', unit: 'per_million_tokens' } },
					{ id: 'llama-guard-4', object: 'model', created: 1, owned_by: 'meta', name: 'Llama Guard 4', capabilities: { text: true }, pricing: { prompt: 0.2 } },
				],
			},
		});
		const { results } = await searchList('searchModerationModels', { baseUrl: server.baseUrl });
		expect(results).toEqual([
			{ name: 'Llama Guard 4 (text; $0.2 per 1M tokens)', value: 'llama-guard-4' },
			{ name: 'omni-moderation-latest (text, image; $0 per 1M tokens)', value: 'omni-moderation-latest' },
		]);
	});
});
