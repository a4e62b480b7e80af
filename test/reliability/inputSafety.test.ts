/**
 * Issue 11, input of the wrong type or size: every check below runs before anything is sent (nothing is billed),
 * and fails only its own item with a message that names the parameter.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { askParameters, completeParameters, modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { AUDIO } from '../audio/audioBytes';
import { GIF_BYTES, JPEG, PNG, WEBP, itemWithBinary } from '../image/media';
import { generateParameters, submitted } from '../video/videoFixtures';

const server = useFakeNanoGpt();

const imageModel = { __rl: true, mode: 'id', value: 'hidream' };
function createImage(parameters: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'image', operation: 'create', model: imageModel, prompt: 'A lighthouse', ...parameters } as INodeParameters;
}
function createSpeech(parameters: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'audio', operation: 'createSpeech', model: modelById('tts-1'), input: 'Hello', ...parameters } as INodeParameters;
}
function transcribe(parameters: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'audio', operation: 'createTranscription', model: modelById('Whisper-Large-V3'), ...parameters } as INodeParameters;
}
function listModels(parameters: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'model', operation: 'list', ...parameters } as INodeParameters;
}

/** Runs with Continue On Fail and expects one error item paired with the input, and nothing sent. */
async function refused(parameters: INodeParameters, message: string | RegExp, items?: INodeExecutionData[]) {
	const result = await runNode(parameters, { baseUrl: server.baseUrl, items, continueOnFail: true });
	expect(result.items).toHaveLength(items?.length ?? 1);
	const error = String(result.items[0].json.error);
	if (typeof message === 'string') expect(error).toBe(message);
	else expect(error).toMatch(message);
	expect(error).not.toContain('[object Object]');
	expect(result.items[0].pairedItem).toEqual({ item: 0 });
	expect(server.requests).toHaveLength(0);
	return result.items[0];
}

describe('item 6: a 200 answer whose choice has no message is an error, not an empty success', () => {
	test('Ask: choices[0] without message', async () => {
		server.on('POST', '/v1/chat/completions', { json: { id: 'x', choices: [{ index: 0, finish_reason: 'stop' }], usage: {} } });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT returned no answer (the first choice has no message)');
		expect(result.error?.description).toContain('the keys index, finish_reason but no "message" object');
		expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(1);
	});

	test('Ask: a message that is not an object', async () => {
		server.on('POST', '/v1/chat/completions', { json: { choices: [{ index: 0, message: 'hi' }] } });
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT returned no answer (the first choice has no message)');
	});

	test('Complete: choices[0] without text', async () => {
		server.on('POST', '/v1/completions', { json: { id: 'x', choices: [{ index: 0, finish_reason: 'stop' }] } });
		const result = await runNode(completeParameters(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT returned no completion (the first choice has no text)');
		expect(server.requestsTo('POST', '/v1/completions')).toHaveLength(1);
	});

	test('a message with an empty answer and tool calls is still a success', async () => {
		server.on('POST', '/v1/chat/completions', {
			json: { choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls: [{ id: 't' }] } }] },
		});
		const result = await runNode(askParameters(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ text: '', toolCalls: [{ id: 't' }] });
	});
});

describe('item 7: objects and arrays from expressions are refused, naming the parameter and the type', () => {
	test.each([
		['Prompt', askParameters({ prompt: '={{ { "a": 1 } }}' }), 'The parameter "Prompt" must be text, but it is an object'],
		['Prompt (array)', askParameters({ prompt: '={{ ["a", "b"] }}' }), 'The parameter "Prompt" must be text, but it is an array (2 entries)'],
		['System Prompt', askParameters({ systemPrompt: '={{ { "role": "x" } }}' }), 'The parameter "System Prompt" must be text, but it is an object'],
		[
			'message content',
			askParameters({ promptMode: 'messages', messages: { message: [{ role: 'user', content: '={{ [1, 2] }}' }] } }),
			'The parameter "Messages > Message 1 > Content" must be text, but it is an array (2 entries)',
		],
		['Stop', askParameters({ options: { stop: '={{ [{ "x": 1 }] }}' } }), 'The parameter "Stop Sequences" must be text, but it is an object'],
		['Model', askParameters({ model: modelById('={{ { "id": "openai/gpt-5.2" } }}') }), 'The parameter "Model" must be text, but it is an object'],
		[
			'Image URL',
			askParameters({ images: { image: [{ source: 'url', imageUrl: '={{ ["https://a.example/x.png"] }}' }] } }),
			'The parameter "Image URL" must be text, but it is an array (1 entry)',
		],
		['User', askParameters({ options: { user: '={{ { "id": 7 } }}' } }), 'The parameter "User" must be text, but it is an object'],
		['Complete Prompt', completeParameters({ prompt: '={{ { "a": 1 } }}' }), 'The parameter "Prompt" must be text, but it is an object'],
		['Image Prompt', createImage({ prompt: '={{ ["a"] }}' }), 'The parameter "Prompt" must be text, but it is an array (1 entry)'],
		['Image Size', createImage({ size: '={{ { "w": 1 } }}' }), 'The parameter "Size Name or ID" must be text, but it is an object'],
		['Speech Text', createSpeech({ input: '={{ { "t": 1 } }}' }), 'The parameter "Text" must be text, but it is an object'],
		['Speech Voice', createSpeech({ voice: '={{ ["alloy"] }}' }), 'The parameter "Voice Name or ID" must be text, but it is an array (1 entry)'],
		['Video Prompt', generateParameters({ prompt: '={{ { "p": 1 } }}' }), 'The parameter "Prompt" must be text, but it is an object'],
		['Video Duration', generateParameters({ options: { duration: '={{ { "s": 5 } }}' } }), 'The parameter "Duration" must be text, but it is an object'],
		['Video Request ID', { resource: 'video', operation: 'getStatus', requestId: '={{ { "id": 1 } }}' }, 'The parameter "Request ID" must be text, but it is an object'],
		['Transcription Audio URL', transcribe({ audioSource: 'url', audioUrl: '={{ { "u": 1 } }}' }), 'The parameter "Audio URL" must be text, but it is an object'],
		['Model list Search', listModels({ search: '={{ ["gpt"] }}' }), 'The parameter "Search" must be text, but it is an array (1 entry)'],
	] as Array<[string, INodeParameters, string]>)('%s', async (_name, parameters, message) => {
		const item = await refused(parameters, message);
		expect(item.error?.description).toContain('returned');
	});

	test('numbers and booleans are sent as text', async () => {
		const result = await runNode(askParameters({ prompt: '={{ 42 }}', systemPrompt: '={{ true }}' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json.messages).toEqual([
			{ role: 'system', content: 'true' },
			{ role: 'user', content: '42' },
		]);
	});
});

describe('item 8: Additional Body Fields cannot override the fields the node checks', () => {
	test.each([
		['Image > Create', createImage({ options: { additionalFields: '{"n": 1000}' } }), 'n', 'Number of Images'],
		['Image > Create (model)', createImage({ options: { additionalFields: '{"model": "", "prompt": ""}' } }), 'model', 'Model'],
		['Image > Create (mask)', createImage({ options: { additionalFields: '{"maskDataUrl": "data:image/png;base64,AAAA"}' } }), 'maskDataUrl', 'Mask Image'],
		['Create Speech', createSpeech({ options: { additionalFields: '{"input": ""}' } }), 'input', 'Text'],
		['Create Speech (speed)', createSpeech({ options: { additionalFields: '{"speed": 99}' } }), 'speed', 'Speed'],
		['Video > Generate', generateParameters({ options: { additionalFields: '{"prompt": ""}' } }), 'prompt', 'Prompt'],
		['Video > Generate (image)', generateParameters({ options: { additionalFields: '{"imageUrl": "file:///etc/passwd"}' } }), 'imageUrl', 'Input Image'],
	] as Array<[string, INodeParameters, string, string]>)('%s', async (_name, parameters, key, parameter) => {
		const item = await refused(parameters, `The parameter "Additional Body Fields" cannot set "${key}": the node sets it from "${parameter}"`);
		expect(item.error?.description).toContain(`use the parameter "${parameter}" instead`);
	});

	test('a prototype key is refused', async () => {
		await refused(
			createImage({ options: { additionalFields: '{"__proto__": {"n": 1000}}' } }),
			'The parameter "Additional Body Fields" cannot contain the key "__proto__"',
		);
	});

	test('model-specific fields are still sent as they are', async () => {
		server.on('POST', '/v1/images/generations', { json: { data: [{ b64_json: PNG.toString('base64') }] } });
		const result = await runNode(createImage({ options: { additionalFields: '{"negative_prompt": "blur", "quality": "hd"}' } }), {
			baseUrl: server.baseUrl,
		});
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json).toEqual({
			model: 'hidream',
			prompt: 'A lighthouse',
			n: 1,
			response_format: 'b64_json',
			negative_prompt: 'blur',
			quality: 'hd',
		});
	});
});

describe('item 9: one check for every binary input (not empty, type by magic bytes, size limit)', () => {
	const EMPTY = Buffer.alloc(0);
	const TEXT = Buffer.from('this is a text file, not an image');
	const askImage = askParameters({ images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] } });
	const imageInput = createImage({ options: { inputImages: 'data' } });
	const imageMask = createImage({ options: { inputImages: 'photo', mask: 'data' } });
	const videoImage = generateParameters({ imageSource: 'binary', imageBinaryPropertyName: 'data' });
	const transcription = transcribe({ binaryPropertyName: 'data' });
	const inputs: Array<[string, INodeParameters, string]> = [
		['Ask images', askImage, 'Input Binary Field'],
		['Image input images', imageInput, 'Input Images'],
		['Image mask', imageMask, 'Mask Image'],
		['Video start image', videoImage, 'Input Image Field'],
	];
	const withFile = (buffer: Buffer, mimeType = 'image/png', fileName = 'file.png') =>
		itemWithBinary({ data: { buffer, mimeType, fileName }, photo: { buffer: PNG, mimeType: 'image/png', fileName: 'p.png' } });

	test.each([...inputs, ['Transcription', transcription, 'Input Binary Field'] as [string, INodeParameters, string]])(
		'%s: a zero-byte file',
		async (_name, parameters, displayName) => {
			await refused(parameters, `The binary property "data" is empty (parameter "${displayName}")`, [withFile(EMPTY)]);
		},
	);

	test.each(inputs)('%s: a text file labelled image/png', async (_name, parameters, displayName) => {
		const item = await refused(parameters, `The binary property "data" is not a PNG, JPEG, WebP or GIF image (parameter "${displayName}")`, [
			withFile(TEXT, 'image/png', 'notes.png'),
		]);
		expect(item.error?.description).toContain('declared as image/png');
	});

	test('Transcription: a text file labelled audio/mpeg', async () => {
		await refused(transcription, 'The binary property "data" is not an audio file (parameter "Input Binary Field")', [
			withFile(TEXT, 'audio/mpeg', 'notes.mp3'),
		]);
	});

	test.each(inputs)('%s: a 4,350,000-byte image is over the 4 MB limit, in consistent units', async (_name, parameters, displayName) => {
		const big = Buffer.concat([PNG, Buffer.alloc(4_350_000 - PNG.length)]);
		await refused(
			parameters,
			`The file "big.png" in "data" is 4.35 MB (4,350,000 bytes), more than the 4 MB (4,000,000 bytes) NanoGPT accepts (parameter "${displayName}")`,
			[withFile(big, 'image/png', 'big.png')],
		);
	});

	test('Ask: an 8 MB image is refused before the request (no 11 MB JSON body)', async () => {
		const big = Buffer.concat([JPEG, Buffer.alloc(8_000_000 - JPEG.length)]);
		await refused(
			askImage,
			'The file "big.jpg" in "data" is 8 MB (8,000,000 bytes), more than the 4 MB (4,000,000 bytes) NanoGPT accepts (parameter "Input Binary Field")',
			[withFile(big, 'image/jpeg', 'big.jpg')],
		);
	});

	test.each([
		['PNG', PNG],
		['JPEG', JPEG],
		['WebP', WEBP],
		['GIF', GIF_BYTES],
	])('Ask accepts a %s image by its bytes, sent with the sniffed type', async (_name, bytes) => {
		const result = await runNode(askImage, { baseUrl: server.baseUrl, items: [withFile(bytes, 'application/octet-stream', 'x.bin')] });
		expect(result.error).toBeUndefined();
		const part = server.lastRequest().json.messages[0].content[1];
		expect(part.image_url.url).toMatch(/^data:image\/(png|jpeg|webp|gif);base64,/);
		expect(Buffer.from(part.image_url.url.split(',')[1], 'base64')).toEqual(bytes);
	});

	test.each(Object.entries(AUDIO).filter(([format]) => format !== 'pcm'))(
		'Transcription accepts %s by its bytes',
		async (_format, audio) => {
			server.on('POST', '/v1/audio/transcriptions', { json: { text: 'ok' } });
			const result = await runNode(transcription, { baseUrl: server.baseUrl, items: [withFile(audio.bytes, audio.mimeType, `a.${audio.extension}`)] });
			expect(result.error).toBeUndefined();
		},
	);
});

describe('item 10: URL parameters accept http and https only (and data: images where NanoGPT documents them)', () => {
	test.each([
		['Transcription Audio URL', transcribe({ audioSource: 'url', audioUrl: 'file:///etc/passwd' }), 'Audio URL', 'file'],
		['Transcription Audio URL (ftp)', transcribe({ audioSource: 'url', audioUrl: 'ftp://example.com/a.mp3' }), 'Audio URL', 'ftp'],
		['Diarization Audio URL', transcribe({ audioSource: 'url', diarize: true, audioUrl: 'gopher://x/a.mp3' }), 'Audio URL', 'gopher'],
		['Video Image URL', generateParameters({ imageSource: 'url', imageUrl: 'file:///etc/passwd' }), 'Image URL', 'file'],
	] as Array<[string, INodeParameters, string, string]>)('%s', async (_name, parameters, displayName, scheme) => {
		const item = await refused(parameters, `The parameter "${displayName}" must start with http:// or https://`);
		expect(item.error?.description).toContain(`"${scheme}:"`);
	});

	test('Ask Image URL: file: is refused, data:image/ is accepted', async () => {
		await refused(
			askParameters({ images: { image: [{ source: 'url', imageUrl: 'file:///etc/passwd' }] } }),
			'The parameter "Image URL" must start with http://, https:// or data:image/',
		);
		await refused(
			askParameters({ images: { image: [{ source: 'url', imageUrl: 'data:text/html;base64,PGI+' }] } }),
			'The parameter "Image URL" is not a valid image data URL',
		);
		const dataUrl = `data:image/png;base64,${PNG.toString('base64')}`;
		const result = await runNode(askParameters({ images: { image: [{ source: 'url', imageUrl: dataUrl }] } }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json.messages[0].content[1]).toEqual({ type: 'image_url', image_url: { url: dataUrl } });
	});

	test('an https Audio URL is sent as file_url', async () => {
		server.on('POST', '/v1/audio/transcriptions', { json: { text: 'ok' } });
		const result = await runNode(transcribe({ audioSource: 'url', audioUrl: 'https://files.example.com/a.mp3' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json).toEqual({ model: 'Whisper-Large-V3', file_url: 'https://files.example.com/a.mp3' });
	});
});

describe('item 11: run-time range and name checks', () => {
	test('Prompt Caching Until Message rejects negatives', async () => {
		await refused(
			askParameters({ options: { promptCaching: true, cacheCutAfterMessageIndex: -3 } }),
			'The parameter "Prompt Caching Until Message" must be at least 0',
		);
	});

	test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('Model Type "%s" is refused, naming the parameter', async (name) => {
		const item = await refused(listModels({ modelType: name }), `The parameter "Model Type" has an unknown value "${name}"`);
		expect(item.error?.description).toContain('text');
	});
});

describe('item 13: small ones', () => {
	test('an empty Logit Bias object sends nothing', async () => {
		const result = await runNode(askParameters({ options: { logitBias: '{}' } }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json).not.toHaveProperty('logit_bias');
	});

	test('"within 1 second", not "1 seconds"', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', { json: { status: 'processing' } });
		const result = await runNode(generateParameters({ pollInterval: 1, maxWait: 1 }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toMatch(/did not finish within 1 second$/);
	});
});
