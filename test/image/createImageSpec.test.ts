import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';
import { JPEG, PNG, WEBP, itemWithBinary } from './media';

const server = useFakeNanoGpt();

test('Image > Create bodies follow OpenAIImageGenerationsRequest of the official spec', async () => {
	server.on('POST', '/v1/images/generations', { json: { created: 1, data: [{ b64_json: PNG.toString('base64') }] } });
	const item = itemWithBinary({
		a: { buffer: JPEG, mimeType: 'image/jpeg', fileName: 'a.jpg' },
		b: { buffer: WEBP, mimeType: 'image/webp', fileName: 'b.webp' },
		mask: { buffer: PNG, mimeType: 'image/png', fileName: 'mask.png' },
	});
	const base = { resource: 'image', operation: 'create', model: { __rl: true, mode: 'id', value: 'hidream' }, prompt: 'A fox' };
	const variants = [
		{},
		{ numberOfImages: 3, size: '1024x1024', imageOutput: 'url' },
		{ options: { inputImages: 'a', mask: 'mask', strength: 0, guidanceScale: 20, numInferenceSteps: 1, seed: 7, user: 'u', kontextMaxMode: false } },
		{ options: { inputImages: 'a, b', guidanceScale: 0, numInferenceSteps: 100, strength: 1 } },
	];
	for (const variant of variants) {
		const result = await runNode({ ...base, ...variant }, { baseUrl: server.baseUrl, items: [item] });
		expect(result.error).toBeUndefined();
		expect(openApiErrors('OpenAIImageGenerationsRequest', server.lastRequest().json)).toEqual([]);
	}
	expect(server.requestsTo('POST', '/v1/images/generations')).toHaveLength(variants.length);
});
