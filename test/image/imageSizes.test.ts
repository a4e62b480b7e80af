import { useFakeNanoGpt } from '../helpers/server';
import { loadOptions } from './loadOptions';

const server = useFakeNanoGpt();

const catalogue = {
	object: 'list',
	data: [
		{
			id: 'hidream',
			name: 'HiDream',
			pricing: { per_image: { '1024*1024': 0.005 }, currency: 'USD' },
			supported_parameters: { resolutions: ['1024x1024', '1376x768', '768x1376'], max_images: 4 },
		},
		{ id: 'flux/schnell', name: 'Flux Schnell', pricing: { per_image: 0.003 }, supported_parameters: {} },
	],
};

function parametersFor(id: string) {
	return { resource: 'image', operation: 'create', model: { __rl: true, mode: 'list', value: id } };
}

test('offers the resolutions of the selected model from the detailed image catalogue', async () => {
	server.on('GET', '/v1/image-models', { json: catalogue });
	const options = await loadOptions('getImageSizes', { baseUrl: server.baseUrl, parameters: parametersFor('hidream') });
	expect(options.map((option) => option.value)).toEqual(['', '1024x1024', '1376x768', '768x1376']);
	expect(options[0].name).toBe('Model Default');
	expect(options.map((option) => option.name)).toEqual(['Model Default', '1024x1024', '1376x768', '768x1376']);
	expect(server.lastRequest().query).toEqual({ detailed: 'true' });
});

test('offers common sizes for a model without resolutions in the catalogue', async () => {
	server.on('GET', '/v1/image-models', { json: catalogue });
	const options = await loadOptions('getImageSizes', {
		baseUrl: server.baseUrl,
		parameters: parametersFor('flux/schnell'),
	});
	expect(options.map((option) => option.value)).toContain('1024x1024');
	expect(options.map((option) => option.value)).toContain('auto');
	// The user sees that this is the generic list, not the model's own sizes.
	expect(options.slice(1).every((option) => / \(generic\)$/.test(option.name))).toBe(true);
	expect(options.find((option) => option.value === '1024x1024')?.name).toBe('1024x1024 (generic)');
});

test('still offers common sizes when the catalogue cannot be read', async () => {
	server.on('GET', '/v1/image-models', { status: 503, json: { error: { message: 'down' } } });
	const options = await loadOptions('getImageSizes', { baseUrl: server.baseUrl, parameters: parametersFor('hidream') });
	expect(options[0].value).toBe('');
	expect(options.length).toBeGreaterThan(3);
	expect(options.slice(1).every((option) => / \(generic\)$/.test(option.name))).toBe(true);
});
