import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { bytesOf } from '../image/media';
import { AUDIO } from './audioBytes';

const server = useFakeNanoGpt();

function createSpeech(parameters: Record<string, unknown> = {}) {
	return {
		resource: 'audio',
		operation: 'createSpeech',
		model: { __rl: true, mode: 'id', value: 'tts-1' },
		input: 'Hello from NanoGPT',
		voice: 'alloy',
		...parameters,
	};
}

const fastPolling = { pollInterval: 1, maxWait: 30 };

describe('Create Speech request', () => {
	test('posts input, voice and format to /v1/audio/speech and nothing that was not set', async () => {
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': 'audio/mpeg' }, body: AUDIO.mp3.bytes });
		const result = await runNode(createSpeech(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(request.headers['content-type']).toContain('application/json');
		expect(request.headers.accept).toContain('audio/*');
		expect(request.json).toEqual({ model: 'tts-1', input: 'Hello from NanoGPT', voice: 'alloy', response_format: 'mp3' });
	});

	test('sends speed, instructions and additional fields; omits the voice when Model Default is chosen', async () => {
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': 'audio/wav' }, body: AUDIO.wav.bytes });
		const result = await runNode(
			createSpeech({
				voice: '',
				responseFormat: 'wav',
				options: { speed: 1.25, instructions: 'Whisper it', additionalFields: '{"language": "English"}' },
			}),
			{ baseUrl: server.baseUrl },
		);
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json).toEqual({
			model: 'tts-1',
			input: 'Hello from NanoGPT',
			response_format: 'wav',
			speed: 1.25,
			instructions: 'Whisper it',
			language: 'English',
		});
	});

	test('a speed out of range set by expression is refused before sending', async () => {
		const result = await runNode(createSpeech({ options: { speed: '={{ 9 }}' } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Speed" must be at least 0.1 and at most 5');
		expect(server.requestsTo('POST', '/v1/audio/speech')).toHaveLength(0);
	});
});

describe('Create Speech output', () => {
	test.each(Object.keys(AUDIO))('returns %s audio as a binary file with the right type, name and bytes', async (format) => {
		const audio = AUDIO[format];
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': audio.contentType }, body: audio.bytes });
		const result = await runNode(createSpeech({ responseFormat: format }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.binary?.data).toMatchObject({
			mimeType: audio.mimeType,
			fileExtension: audio.extension,
			fileName: `speech.${audio.extension}`,
		});
		expect(bytesOf(item).equals(audio.bytes)).toBe(true);
		expect(item.json).toMatchObject({
			model: 'tts-1',
			voice: 'alloy',
			responseFormat: format,
			mimeType: audio.mimeType,
			fileSize: audio.bytes.length,
		});
	});

	test('uses the requested format when NanoGPT answers application/octet-stream', async () => {
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': 'application/octet-stream' }, body: AUDIO.pcm.bytes });
		const result = await runNode(createSpeech({ responseFormat: 'pcm', binaryPropertyOutput: 'audio' }), {
			baseUrl: server.baseUrl,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.audio).toMatchObject({ mimeType: 'audio/pcm', fileName: 'speech.pcm' });
		expect(bytesOf(result.items[0], 'audio').equals(AUDIO.pcm.bytes)).toBe(true);
	});

	test('trusts the type NanoGPT sends over the requested format (ElevenLabs always answers MP3)', async () => {
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': 'audio/mpeg' }, body: AUDIO.mp3.bytes });
		const result = await runNode(createSpeech({ responseFormat: 'wav' }), { baseUrl: server.baseUrl });
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: 'speech.mp3' });
	});

	test('downloads the audio when NanoGPT answers JSON with an audioUrl, without sending the API key', async () => {
		server.on('GET', '/files/speech.wav', { headers: { 'content-type': 'audio/wav' }, body: AUDIO.wav.bytes });
		server.on('POST', '/v1/audio/speech', {
			json: { audioUrl: `${server.baseUrl}/files/speech.wav`, contentType: 'audio/wav', cost: 0.0021, currency: 'USD', duration: 2.4 },
		});
		const result = await runNode(createSpeech(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'audio/wav', fileName: 'speech.wav' });
		expect(bytesOf(result.items[0]).equals(AUDIO.wav.bytes)).toBe(true);
		expect(result.items[0].json).toMatchObject({ cost: 0.0021, currency: 'USD', duration: 2.4 });
		expect(server.requestsTo('GET', '/files/speech.wav')[0].headers.authorization).toBeUndefined();
	});

	test('an empty audio answer is a clear error', async () => {
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': 'audio/mpeg' }, body: Buffer.alloc(0) });
		const result = await runNode(createSpeech(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT returned an empty audio file');
	});

	test('a NanoGPT JSON error on the binary route is shown in its own words', async () => {
		server.on('POST', '/v1/audio/speech', {
			status: 400,
			json: { error: { message: 'Voice nope is not available for tts-1', type: 'invalid_request_error', code: 'invalid_voice' } },
		});
		const result = await runNode(createSpeech({ voice: 'nope' }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT rejected the request: Voice nope is not available for tts-1');
	});
});

describe('Create Speech background jobs', () => {
	const ticket = { status: 'pending', runId: 'run-42', model: 'Elevenlabs-Turbo-V2.5', charged: true, cost: 0.03, paymentSource: 'USD', isApiRequest: true };

	test('Background Job mode posts text to /tts, polls /tts/status until completed, then downloads the audio', async () => {
		server.on('POST', '/tts', { status: 202, json: ticket });
		server.queue('GET', '/tts/status', { json: { status: 'pending', runId: 'run-42', queuePosition: 2 } });
		server.on('GET', '/tts/status', {
			json: { status: 'completed', audioUrl: `${server.baseUrl}/files/job.mp3`, contentType: 'audio/mpeg', model: 'Elevenlabs-Turbo-V2.5' },
		});
		server.on('GET', '/files/job.mp3', { headers: { 'content-type': 'audio/mpeg' }, body: AUDIO.mp3.bytes });
		const result = await runNode(
			createSpeech({
				model: { __rl: true, mode: 'id', value: 'Elevenlabs-Turbo-V2.5' },
				voice: 'Rachel',
				options: { requestMode: 'job', ...fastPolling },
			}),
			{ baseUrl: server.baseUrl },
		);
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/tts')[0].json).toEqual({
			model: 'Elevenlabs-Turbo-V2.5',
			text: 'Hello from NanoGPT',
			voice: 'Rachel',
			response_format: 'mp3',
		});
		expect(server.requestsTo('POST', '/v1/audio/speech')).toHaveLength(0);
		const polls = server.requestsTo('GET', '/tts/status');
		expect(polls).toHaveLength(2);
		expect(polls[0].query).toEqual({ runId: 'run-42', model: 'Elevenlabs-Turbo-V2.5', cost: '0.03', paymentSource: 'USD', isApiRequest: 'true' });
		expect(polls[0].headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: 'speech.mp3' });
		expect(bytesOf(result.items[0]).equals(AUDIO.mp3.bytes)).toBe(true);
		expect(result.items[0].json).toMatchObject({ runId: 'run-42', status: 'completed', cost: 0.03, paymentSource: 'USD' });
	});

	test('Direct mode follows a job ticket too', async () => {
		server.on('POST', '/v1/audio/speech', { status: 202, json: ticket });
		server.on('GET', '/tts/status', {
			json: { status: 'completed', audioUrl: `${server.baseUrl}/files/job.flac`, contentType: 'audio/flac' },
		});
		server.on('GET', '/files/job.flac', { headers: { 'content-type': 'application/octet-stream' }, body: AUDIO.flac.bytes });
		const result = await runNode(createSpeech({ options: fastPolling }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'audio/flac', fileName: 'speech.flac' });
		expect(bytesOf(result.items[0]).equals(AUDIO.flac.bytes)).toBe(true);
	});

	test('a job that ends with status "error" fails with NanoGPT\'s reason', async () => {
		server.on('POST', '/tts', { status: 202, json: ticket });
		server.on('GET', '/tts/status', { json: { status: 'error', error: 'Voice not available' } });
		const result = await runNode(createSpeech({ options: { requestMode: 'job', ...fastPolling } }), {
			baseUrl: server.baseUrl,
		});
		expect(result.error?.message).toBe('NanoGPT could not generate the speech: Voice not available');
		expect(server.requestsTo('GET', '/tts/status')).toHaveLength(1);
	});

	test('a job still pending after the maximum wait stops with a clear error', async () => {
		server.on('POST', '/tts', { status: 202, json: ticket });
		server.on('GET', '/tts/status', { json: { status: 'pending', runId: 'run-42' } });
		const result = await runNode(createSpeech({ options: { requestMode: 'job', pollInterval: 1, maxWait: 1 } }), {
			baseUrl: server.baseUrl,
		});
		expect(result.error?.message).toBe('The speech job run-42 did not finish within 1 second');
		expect(result.error?.context?.requestId).toBe('run-42');
		expect(server.requestsTo('GET', '/tts/status')).toHaveLength(2);
	});

	test('a transient 503 while polling is polled again, a 404 stops with NanoGPT\'s message', async () => {
		server.on('POST', '/tts', { status: 202, json: ticket });
		server.queue('GET', '/tts/status', { status: 503, json: { error: 'busy' } });
		server.on('GET', '/tts/status', { status: 404, json: { error: 'Job not found', status: 404 } });
		const result = await runNode(createSpeech({ options: { requestMode: 'job', ...fastPolling } }), {
			baseUrl: server.baseUrl,
		});
		expect(result.error?.message).toBe('NanoGPT could not find what was requested: Job not found');
		expect(server.requestsTo('GET', '/tts/status')).toHaveLength(2);
	});
});
