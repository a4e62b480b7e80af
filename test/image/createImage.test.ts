import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { JPEG, PNG, PNG_2, WEBP, bytesOf, itemWithBinary } from './media';

const server = useFakeNanoGpt();

const model = { __rl: true, mode: 'id', value: 'hidream' };

function createImage(parameters: Record<string, unknown> = {}) {
	return { resource: 'image', operation: 'create', model, prompt: 'A lighthouse at sunset', ...parameters };
}

function imagesResponse(data: Array<Record<string, string>>) {
	return { json: { created: 1763800000, data, cost: 0.012, paymentSource: 'USD', remainingBalance: 42.5 } };
}

describe('Image > Create request body', () => {
	test('sends only model, prompt, n and response_format when no option is set', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([{ b64_json: PNG.toString('base64') }]));
		const result = await runNode(createImage(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(request.json).toEqual({
			model: 'hidream',
			prompt: 'A lighthouse at sunset',
			n: 1,
			response_format: 'b64_json',
		});
	});

	test('sends size, every tuning option and additional body fields under their API names', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([{ b64_json: PNG.toString('base64') }]));
		const result = await runNode(
			createImage({
				numberOfImages: 2,
				size: '1376x768',
				imageOutput: 'url',
				options: {
					guidanceScale: 12.5,
					numInferenceSteps: 40,
					strength: 0.35,
					seed: 42,
					user: 'user-7',
					kontextMaxMode: true,
					additionalFields: '{"negative_prompt": "blurry", "aspect_ratio": "16:9"}',
				},
			}),
			{ baseUrl: server.baseUrl },
		);
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json).toEqual({
			model: 'hidream',
			prompt: 'A lighthouse at sunset',
			n: 2,
			size: '1376x768',
			response_format: 'url',
			guidance_scale: 12.5,
			num_inference_steps: 40,
			strength: 0.35,
			seed: 42,
			user: 'user-7',
			kontext_max_mode: true,
			negative_prompt: 'blurry',
			aspect_ratio: '16:9',
		});
	});

	test('sends one input image as imageDataUrl and the mask as maskDataUrl', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([{ b64_json: PNG.toString('base64') }]));
		const item = itemWithBinary({
			data: { buffer: JPEG, mimeType: 'image/jpeg', fileName: 'photo.jpg' },
			mask: { buffer: PNG, mimeType: 'image/png', fileName: 'mask.png' },
		});
		const result = await runNode(createImage({ options: { inputImages: 'data', mask: 'mask', strength: 0.5 } }), {
			baseUrl: server.baseUrl,
			items: [item],
		});
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body.imageDataUrl).toBe(`data:image/jpeg;base64,${JPEG.toString('base64')}`);
		expect(body.maskDataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
		expect(body).not.toHaveProperty('imageDataUrls');
		expect(body.strength).toBe(0.5);
	});

	test('sends several input images as imageDataUrls, in the order given', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([{ b64_json: PNG.toString('base64') }]));
		const item = itemWithBinary({
			first: { buffer: WEBP, mimeType: 'image/webp', fileName: 'a.webp' },
			second: { buffer: PNG, mimeType: 'image/png', fileName: 'b.png' },
		});
		const result = await runNode(createImage({ options: { inputImages: 'second, first' } }), {
			baseUrl: server.baseUrl,
			items: [item],
		});
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body.imageDataUrls).toEqual([
			`data:image/png;base64,${PNG.toString('base64')}`,
			`data:image/webp;base64,${WEBP.toString('base64')}`,
		]);
		expect(body).not.toHaveProperty('imageDataUrl');
	});
});

describe('Image > Create output', () => {
	test('turns b64_json into a PNG binary file with the exact bytes, plus cost and balance', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([{ b64_json: PNG.toString('base64') }]));
		const result = await runNode(createImage(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: 'image.png', fileExtension: 'png' });
		expect(bytesOf(item).equals(PNG)).toBe(true);
		expect(item.json).toEqual({
			index: 0,
			model: 'hidream',
			imageCount: 1,
			created: 1763800000,
			cost: 0.012,
			paymentSource: 'USD',
			remainingBalance: 42.5,
		});
	});

	test('makes one item per image and downloads url images without sending the API key', async () => {
		server.on('GET', '/files/generated.jpg', { headers: { 'content-type': 'image/jpeg' }, body: JPEG });
		server.on(
			'POST',
			'/v1/images/generations',
			imagesResponse([{ b64_json: PNG_2.toString('base64') }, { url: `${server.baseUrl}/files/generated.jpg` }]),
		);
		const result = await runNode(createImage({ numberOfImages: 2, binaryPropertyOutput: 'image' }), {
			baseUrl: server.baseUrl,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0].binary?.image).toMatchObject({ mimeType: 'image/png', fileName: 'image-1.png' });
		expect(bytesOf(result.items[0], 'image').equals(PNG_2)).toBe(true);
		expect(result.items[1].binary?.image).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: 'image-2.jpg',
			fileExtension: 'jpg',
		});
		expect(bytesOf(result.items[1], 'image').equals(JPEG)).toBe(true);
		expect(result.items.map((item) => item.json.index)).toEqual([0, 1]);
		const download = server.requestsTo('GET', '/files/generated.jpg')[0];
		expect(download.headers.authorization).toBeUndefined();
		expect(download.headers['x-api-key']).toBeUndefined();
	});

	test('sniffs the image type when the download says application/octet-stream', async () => {
		server.on('GET', '/files/generated', { headers: { 'content-type': 'application/octet-stream' }, body: WEBP });
		server.on('POST', '/v1/images/generations', imagesResponse([{ url: `${server.baseUrl}/files/generated` }]));
		const result = await runNode(createImage(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'image/webp', fileName: 'image.webp' });
		expect(bytesOf(result.items[0]).equals(WEBP)).toBe(true);
	});

	test('URLs Only returns the signed links without downloading them', async () => {
		const url = `${server.baseUrl}/files/signed.png?sig=abc`;
		server.on('POST', '/v1/images/generations', imagesResponse([{ url }]));
		const result = await runNode(createImage({ imageOutput: 'url' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toBe(url);
		expect(result.items[0].binary).toBeUndefined();
		expect(server.requestsTo('GET', '/files/signed.png')).toHaveLength(0);
	});

	test('URLs Only still returns a file when NanoGPT falls back to b64_json', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([{ b64_json: JPEG.toString('base64') }]));
		const result = await runNode(createImage({ imageOutput: 'url' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'image.jpg' });
		expect(bytesOf(result.items[0]).equals(JPEG)).toBe(true);
	});

	test('one image per item for every input item', async () => {
		server.on('POST', '/v1/images/generations', (request) =>
			imagesResponse([{ b64_json: (request.json.prompt === 'one' ? PNG : PNG_2).toString('base64') }]),
		);
		const result = await runNode(createImage({ prompt: '={{ $json.prompt }}' }), {
			baseUrl: server.baseUrl,
			items: [{ json: { prompt: 'one' } }, { json: { prompt: 'two' } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(bytesOf(result.items[0]).equals(PNG)).toBe(true);
		expect(bytesOf(result.items[1]).equals(PNG_2)).toBe(true);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Image > Create errors', () => {
	test('a missing input image names the parameter and lists the binary fields the item has', async () => {
		const item = itemWithBinary({ photo: { buffer: PNG, mimeType: 'image/png', fileName: 'p.png' } });
		const result = await runNode(createImage({ options: { inputImages: 'data' } }), {
			baseUrl: server.baseUrl,
			items: [item],
		});
		expect(result.error?.message).toBe('The input item has no binary property "data" (parameter "Input Images")');
		expect(result.error?.description).toContain('"photo"');
		expect(server.requestsTo('POST', '/v1/images/generations')).toHaveLength(0);
	});

	test('an input file that is not an image is refused before sending', async () => {
		const item = itemWithBinary({ data: { buffer: Buffer.from('hello'), mimeType: 'text/plain', fileName: 'notes.txt' } });
		const result = await runNode(createImage({ options: { inputImages: 'data' } }), {
			baseUrl: server.baseUrl,
			items: [item],
		});
		expect(result.error?.message).toBe(
			'The binary property "data" is not a PNG, JPEG, WebP or GIF image (parameter "Input Images")',
		);
		expect(result.error?.description).toContain('notes.txt');
		expect(server.requestsTo('POST', '/v1/images/generations')).toHaveLength(0);
	});

	test('a mask over 4 MB is refused with its size and the limit, in consistent units', async () => {
		const big = Buffer.concat([PNG, Buffer.alloc(4_350_000 - PNG.length)]);
		const item = itemWithBinary({
			data: { buffer: PNG, mimeType: 'image/png', fileName: 'p.png' },
			mask: { buffer: big, mimeType: 'image/png', fileName: 'mask.png' },
		});
		const result = await runNode(createImage({ options: { inputImages: 'data', mask: 'mask' } }), {
			baseUrl: server.baseUrl,
			items: [item],
		});
		expect(result.error?.message).toBe(
			'The file "mask.png" in "mask" is 4.35 MB (4,350,000 bytes), more than the 4 MB (4,000,000 bytes) NanoGPT accepts (parameter "Mask Image")',
		);
		expect(server.requestsTo('POST', '/v1/images/generations')).toHaveLength(0);
	});

	test('a guidance scale out of range set by expression is refused', async () => {
		const result = await runNode(createImage({ options: { guidanceScale: '={{ 25 }}' } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Guidance Scale" must be at least 0 and at most 20');
		expect(server.requestsTo('POST', '/v1/images/generations')).toHaveLength(0);
	});

	test('a response without images is a clear error', async () => {
		server.on('POST', '/v1/images/generations', imagesResponse([]));
		const result = await runNode(createImage(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT returned no images');
	});

	test('an expired image link is a clear error', async () => {
		server.on('GET', '/files/expired.png', { status: 403, body: 'AccessDenied' });
		server.on('POST', '/v1/images/generations', imagesResponse([{ url: `${server.baseUrl}/files/expired.png` }]));
		const result = await runNode(createImage(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('Could not download the generated image (HTTP 403)');
	});

	test('a NanoGPT content-policy error is shown in its own words', async () => {
		server.on('POST', '/v1/images/generations', {
			status: 400,
			json: { error: { message: 'Prompt rejected by safety system', type: 'invalid_request_error', code: 'content_policy_violation' } },
		});
		const result = await runNode(createImage(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT rejected the request: Prompt rejected by safety system');
		expect(result.error?.description).toContain('content policy');
	});
});
