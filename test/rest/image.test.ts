import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { JPEG, PNG, PNG_2, bytesOf, itemWithBinary } from '../image/media';
import { pathBodyErrors } from './pathSchema';

const server = useFakeNanoGpt();

const dataUrl = (buffer: Buffer, mime: string) => `data:${mime};base64,${buffer.toString('base64')}`;

function editParameters(extra: Record<string, unknown> = {}) {
	return { resource: 'image', operation: 'edit', model: modelById('gpt-image-1'), prompt: 'Add a hat', ...extra } as never;
}

const photo = () => itemWithBinary({ data: { buffer: JPEG, mimeType: 'image/jpeg', fileName: 'photo.jpg' } });

describe('Image > Edit', () => {
	test('POST /v1/images/edits with the image as a data URL, prompt, n; one binary file per edited image', async () => {
		server.on('POST', '/v1/images/edits', authed(() => ({
			json: { created: 1, data: [{ b64_json: PNG.toString('base64') }, { b64_json: PNG_2.toString('base64') }], cost: 0.08, paymentSource: 'USD', remainingBalance: 9.5 },
		})));
		const result = await runNode(editParameters({ numberOfImages: 2, size: '1024x1024', binaryPropertyOutput: 'edited' }), {
			baseUrl: server.baseUrl,
			items: [photo()],
		});
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({ model: 'gpt-image-1', prompt: 'Add a hat', n: 2, size: '1024x1024', imageDataUrl: dataUrl(JPEG, 'image/jpeg') });
		expect(pathBodyErrors('/v1/images/edits', 'post', body)).toEqual([]);
		expect(result.items).toHaveLength(2);
		expect(bytesOf(result.items[0], 'edited')).toEqual(PNG);
		expect(bytesOf(result.items[1], 'edited')).toEqual(PNG_2);
		expect(result.items[0].binary?.edited.mimeType).toBe('image/png');
		expect(result.items[0].json).toMatchObject({ index: 0, model: 'gpt-image-1', imageCount: 2, cost: 0.08, remainingBalance: 9.5 });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('several images and a mask; size left out when empty', async () => {
		server.on('POST', '/v1/images/edits', { json: { created: 1, data: [{ b64_json: PNG.toString('base64') }] } });
		const item = itemWithBinary({
			a: { buffer: JPEG, mimeType: 'image/jpeg', fileName: 'a.jpg' },
			b: { buffer: PNG_2, mimeType: 'image/png', fileName: 'b.png' },
			mask: { buffer: PNG, mimeType: 'image/png', fileName: 'mask.png' },
		});
		const result = await runNode(editParameters({ editImages: 'a, b', editMask: 'mask' }), { baseUrl: server.baseUrl, items: [item] });
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({
			model: 'gpt-image-1',
			prompt: 'Add a hat',
			n: 1,
			imageDataUrls: [dataUrl(JPEG, 'image/jpeg'), dataUrl(PNG_2, 'image/png')],
			maskDataUrl: dataUrl(PNG, 'image/png'),
		});
		expect(pathBodyErrors('/v1/images/edits', 'post', body)).toEqual([]);
	});

	test('a missing binary field fails that item only (Continue On Fail), naming the parameter', async () => {
		server.on('POST', '/v1/images/edits', { json: { created: 1, data: [{ b64_json: PNG.toString('base64') }] } });
		const result = await runNode(editParameters(), { baseUrl: server.baseUrl, continueOnFail: true, items: [photo(), { json: {} }, photo()] });
		expect(result.items).toHaveLength(3);
		expect(result.items[1].json.error).toBe('The input item has no binary property "data" (parameter "Input Images")');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(server.requestsTo('POST', '/v1/images/edits')).toHaveLength(2);
	});

	test('an empty prompt is refused before anything is sent', async () => {
		const result = await runNode(editParameters({ prompt: ' ' }), { baseUrl: server.baseUrl, items: [photo()] });
		expect(result.error?.message).toBe('The parameter "Prompt" is empty');
		expect(server.requests).toHaveLength(0);
	});
});

describe('Image > Check NSFW', () => {
	const verdict = { model: 'nsfw-classifier', inputCount: 2, cost: 0.003, currency: 'USD', truncated: false, has_nsfw_concepts: [false, true], is_nsfw: true };

	test('binary images as data URLs; the verdict first', async () => {
		server.on('POST', '/nsfw/image', authed(() => ({ json: verdict })));
		const item = itemWithBinary({
			data: { buffer: JPEG, mimeType: 'image/jpeg', fileName: 'a.jpg' },
			second: { buffer: PNG, mimeType: 'image/png', fileName: 'b.png' },
		});
		const result = await runNode({ resource: 'image', operation: 'checkNsfw', nsfwBinaryFields: 'data, second' }, { baseUrl: server.baseUrl, items: [item] });
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({ imageDataUrls: [dataUrl(JPEG, 'image/jpeg'), dataUrl(PNG, 'image/png')] });
		expect(openApiErrors('NsfwImageRequest', body)).toEqual([]);
		expect(result.items[0].json).toEqual({ isNsfw: true, hasNsfwConcepts: [false, true], ...verdict });
	});

	test('one binary image is sent as imageDataUrl', async () => {
		server.on('POST', '/nsfw/image', { json: { ...verdict, inputCount: 1, has_nsfw_concepts: [false], is_nsfw: false } });
		const result = await runNode({ resource: 'image', operation: 'checkNsfw' }, { baseUrl: server.baseUrl, items: [photo()] });
		expect(server.lastRequest().json).toEqual({ imageDataUrl: dataUrl(JPEG, 'image/jpeg') });
		expect(result.items[0].json.isNsfw).toBe(false);
	});

	test('URLs: one as a string, several as an array', async () => {
		server.on('POST', '/nsfw/image', { json: verdict });
		await runNode({ resource: 'image', operation: 'checkNsfw', nsfwSource: 'url', nsfwImageUrls: 'https://example.com/a.jpg' }, { baseUrl: server.baseUrl });
		expect(server.lastRequest().json).toEqual({ image_urls: 'https://example.com/a.jpg' });
		await runNode({ resource: 'image', operation: 'checkNsfw', nsfwSource: 'url', nsfwImageUrls: 'https://example.com/a.jpg, https://example.com/b.jpg' }, { baseUrl: server.baseUrl });
		const body = server.lastRequest().json;
		expect(body).toEqual({ image_urls: ['https://example.com/a.jpg', 'https://example.com/b.jpg'] });
		expect(openApiErrors('NsfwImageRequest', body)).toEqual([]);
	});

	test.each([
		[{ nsfwSource: 'url', nsfwImageUrls: 'ftp://x/a.jpg' }, 'The parameter "Image URLs" must hold http(s) URLs'],
		[{ nsfwSource: 'url', nsfwImageUrls: Array.from({ length: 11 }, (_, i) => `https://e.com/${i}.jpg`).join(',') }, 'The parameter "Image URLs" lists 11 images'],
		[{ nsfwSource: 'url', nsfwImageUrls: '' }, 'The parameter "Image URLs" is empty'],
	])('%j is refused before anything is sent', async (parameters, message) => {
		const result = await runNode({ resource: 'image', operation: 'checkNsfw', ...parameters }, { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});
});
