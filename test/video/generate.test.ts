import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { RUN_ID, generateParameters, submitted } from './videoFixtures';

const server = useFakeNanoGpt();

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function imageItem(buffer = PNG, mimeType = 'image/png') {
	return { json: {}, binary: { photo: { data: buffer.toString('base64'), mimeType, fileName: 'first-frame.png' } } };
}

async function sentBody(parameters = generateParameters({ waitForCompletion: false }), items?: Parameters<typeof runNode>[1]['items']) {
	server.on('POST', '/generate-video', submitted());
	const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
	expect(result.error).toBeUndefined();
	const requests = server.requestsTo('POST', '/generate-video');
	expect(requests).toHaveLength(1);
	expect(openApiErrors('VideoGenerationRequest', requests[0].json)).toEqual([]);
	return { body: requests[0].json, result };
}

describe('Video > Generate request body', () => {
	test('without options only model and prompt are sent', async () => {
		const { body } = await sentBody();
		expect(body).toEqual({ model: 'veo3-video', prompt: 'A serene lake at sunset' });
	});

	test('every option goes to its API field', async () => {
		const { body } = await sentBody(
			generateParameters({
				waitForCompletion: false,
				options: {
					negativePrompt: 'blurry, text',
					duration: '8',
					aspectRatio: '9:16',
					resolution: '1080p',
					seed: 42,
					generateAudio: false,
				},
			}),
		);
		expect(body).toEqual({
			model: 'veo3-video',
			prompt: 'A serene lake at sunset',
			negative_prompt: 'blurry, text',
			duration: '8',
			aspect_ratio: '9:16',
			resolution: '1080p',
			seed: 42,
			generateAudio: false,
		});
	});

	test('an empty text option is left out', async () => {
		const { body } = await sentBody(generateParameters({ waitForCompletion: false, options: { negativePrompt: '  ', duration: '' } }));
		expect(body).toEqual({ model: 'veo3-video', prompt: 'A serene lake at sunset' });
	});

	test('an input image from a binary field is sent as imageDataUrl', async () => {
		const { body } = await sentBody(
			generateParameters({ waitForCompletion: false, imageSource: 'binary', imageBinaryPropertyName: 'photo' }),
			[imageItem()],
		);
		expect(body).toEqual({
			model: 'veo3-video',
			prompt: 'A serene lake at sunset',
			imageDataUrl: `data:image/png;base64,${PNG.toString('base64')}`,
		});
	});

	test('an input image URL is sent as imageUrl', async () => {
		const { body } = await sentBody(
			generateParameters({ waitForCompletion: false, imageSource: 'url', imageUrl: ' https://example.com/frame.png ' }),
		);
		expect(body).toEqual({ model: 'veo3-video', prompt: 'A serene lake at sunset', imageUrl: 'https://example.com/frame.png' });
	});

	test('additional body fields are merged into the request', async () => {
		const { body } = await sentBody(
			generateParameters({ waitForCompletion: false, options: { duration: '5', additionalFields: '{"enhancePrompt": true, "seconds": "8"}' } }),
		);
		expect(body).toEqual({ model: 'veo3-video', prompt: 'A serene lake at sunset', duration: '5', enhancePrompt: true, seconds: '8' });
	});

	test('without waiting, the output is the submission answer with its request ID', async () => {
		const { result } = await sentBody();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({ requestId: RUN_ID, ...submitted().json });
		expect(server.requestsTo('GET', '/video/status')).toHaveLength(0);
	});
});

describe('Video > Generate input checks (nothing is sent, nothing is paid)', () => {
	async function failsWithoutRequest(parameters: Parameters<typeof runNode>[0], message: string, items?: Parameters<typeof runNode>[1]['items']) {
		server.on('POST', '/generate-video', submitted());
		const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
		expect(result.error?.message).toContain(message);
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(0);
	}

	test('an empty prompt', async () => {
		await failsWithoutRequest(generateParameters({ prompt: '  ' }), 'The parameter "Prompt" is empty');
	});

	test('a model that resolves to empty text', async () => {
		await failsWithoutRequest(generateParameters({ model: modelById('={{ "" }}') }), 'The parameter "Model" is empty');
	});

	test('an input image over 4 MB', async () => {
		const big = Buffer.concat([PNG, Buffer.alloc(4_000_001 - PNG.length, 1)]);
		await failsWithoutRequest(
			generateParameters({ imageSource: 'binary', imageBinaryPropertyName: 'photo' }),
			'is 4 MB (4,000,001 bytes), more than the 4 MB (4,000,000 bytes) NanoGPT accepts (parameter "Input Image Field")',
			[imageItem(big)],
		);
	});

	test('a binary field that does not exist', async () => {
		await failsWithoutRequest(
			generateParameters({ imageSource: 'binary', imageBinaryPropertyName: 'image' }),
			'The input item has no binary property "image"',
			[imageItem()],
		);
	});

	test('an image URL that is not http(s)', async () => {
		await failsWithoutRequest(generateParameters({ imageSource: 'url', imageUrl: 'file:///etc/passwd' }), 'The parameter "Image URL" must start with http:// or https://');
	});

	test('a check interval of zero', async () => {
		await failsWithoutRequest(generateParameters({ pollInterval: 0 }), 'The parameter "Check Every (Seconds)" must be at least 0.01');
	});

	test('additional body fields that are not JSON', async () => {
		await failsWithoutRequest(
			generateParameters({ options: { additionalFields: '{"enhancePrompt": tru' } }),
			'The parameter "Additional Body Fields" is not valid JSON',
		);
	});
});
