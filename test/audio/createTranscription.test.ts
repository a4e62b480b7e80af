import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { PNG, itemWithBinary } from '../image/media';
import { AUDIO } from './audioBytes';
import { fileBytes, formDataOf } from './multipart';

const server = useFakeNanoGpt();

const recording = itemWithBinary({ data: { buffer: AUDIO.mp3.bytes, mimeType: 'audio/mpeg', fileName: 'meeting.mp3' } });

function transcribe(parameters: Record<string, unknown> = {}) {
	return {
		resource: 'audio',
		operation: 'createTranscription',
		model: { __rl: true, mode: 'id', value: 'Whisper-Large-V3' },
		...parameters,
	};
}

const whisperAnswer = { json: { text: 'Hello everyone.', language: 'en', duration: 3.2 } };

describe('Create Transcription request', () => {
	test('uploads the binary file as multipart "file" with model and language, bytes intact', async () => {
		server.on('POST', '/v1/audio/transcriptions', whisperAnswer);
		const result = await runNode(transcribe({ language: 'de' }), { baseUrl: server.baseUrl, items: [recording] });
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const form = await formDataOf(request);
		expect([...form.keys()].sort()).toEqual(['file', 'language', 'model']);
		expect(form.get('model')).toBe('Whisper-Large-V3');
		expect(form.get('language')).toBe('de');
		const file = await fileBytes(form, 'file');
		expect(file.bytes.equals(AUDIO.mp3.bytes)).toBe(true);
		expect(file.name).toBe('meeting.mp3');
		expect(file.type).toBe('audio/mpeg');
	});

	test('does not send a language when Auto-Detect is chosen', async () => {
		server.on('POST', '/v1/audio/transcriptions', whisperAnswer);
		const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [recording] });
		expect(result.error).toBeUndefined();
		const form = await formDataOf(server.lastRequest());
		expect([...form.keys()].sort()).toEqual(['file', 'model']);
	});

	test('sends a URL as JSON file_url', async () => {
		server.on('POST', '/v1/audio/transcriptions', whisperAnswer);
		const result = await runNode(
			transcribe({ audioSource: 'url', audioUrl: 'https://example.com/talk.mp3', language: 'fr' }),
			{ baseUrl: server.baseUrl },
		);
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request.headers['content-type']).toContain('application/json');
		expect(request.json).toEqual({ model: 'Whisper-Large-V3', file_url: 'https://example.com/talk.mp3', language: 'fr' });
	});
});

test('a multipart upload retried after a 503 is sent again complete', async () => {
	server.queue('POST', '/v1/audio/transcriptions', { status: 503, headers: { 'retry-after': '0' }, json: { error: { message: 'busy' } } });
	server.on('POST', '/v1/audio/transcriptions', whisperAnswer);
	const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [recording] });
	expect(result.error).toBeUndefined();
	const attempts = server.requestsTo('POST', '/v1/audio/transcriptions');
	expect(attempts).toHaveLength(2);
	const file = await fileBytes(await formDataOf(attempts[1]), 'file');
	expect(file.bytes.equals(AUDIO.mp3.bytes)).toBe(true);
	expect(result.items[0].json.text).toBe('Hello everyone.');
});

describe('Create Transcription output', () => {
	test('returns text, language and duration', async () => {
		server.on('POST', '/v1/audio/transcriptions', whisperAnswer);
		const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [recording] });
		expect(result.items[0].json).toEqual({ text: 'Hello everyone.', language: 'en', duration: 3.2 });
	});

	test('keeps segments and words when the API returns them', async () => {
		const segments = [{ id: 0, start: 0, end: 1.5, text: 'Hello' }];
		const words = [{ word: 'Hello', start: 0, end: 0.4 }];
		server.on('POST', '/v1/audio/transcriptions', { json: { ...whisperAnswer.json, segments, words } });
		const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [recording] });
		expect(result.items[0].json).toEqual({ text: 'Hello everyone.', language: 'en', duration: 3.2, segments, words });
	});

	test('returns the full response when Simplify Output is off', async () => {
		const raw = { text: 'Hi', language: 'en', duration: 1, usage: { seconds: 1 } };
		server.on('POST', '/v1/audio/transcriptions', { json: raw });
		const result = await runNode(transcribe({ simplify: false }), { baseUrl: server.baseUrl, items: [recording] });
		expect(result.items[0].json).toEqual(raw);
	});
});

describe('Create Transcription with speaker diarization', () => {
	const ticket = { runId: 'stt-7', status: 'pending', model: 'Elevenlabs-STT', cost: 0.05, paymentSource: 'USD', isApiRequest: true, fileName: 'meeting.mp3', fileSize: 27, chargedDuration: 1, diarize: true };
	const completed = {
		status: 'completed',
		transcription: 'Speaker 1: Hello. Speaker 2: Hi there!',
		metadata: { language: 'en', actualDuration: 0.5, cost: 0.05, currency: 'USD', model: 'Elevenlabs-STT' },
		diarization: { segments: [{ speaker: 'Speaker 1', text: 'Hello.', start: 0, end: 1 }, { speaker: 'Speaker 2', text: 'Hi there!', start: 1.2, end: 2 }] },
		words: [{ text: 'Hello', start: 0, end: 0.5, type: 'word', speaker_id: 'speaker_0' }],
	};
	const elevenLabs = { __rl: true, mode: 'id', value: 'Elevenlabs-STT' };

	test('uploads multipart "audio" to /transcribe, polls /transcribe/status until completed', async () => {
		server.on('POST', '/transcribe', { status: 202, json: ticket });
		server.queue('POST', '/transcribe/status', { json: { status: 'processing' } });
		server.on('POST', '/transcribe/status', { json: completed });
		const result = await runNode(
			transcribe({ model: elevenLabs, diarize: true, language: 'en', options: { tagAudioEvents: true, pollInterval: 1 } }),
			{ baseUrl: server.baseUrl, items: [recording] },
		);
		expect(result.error).toBeUndefined();
		const form = await formDataOf(server.requestsTo('POST', '/transcribe')[0]);
		expect([...form.keys()].sort()).toEqual(['audio', 'diarize', 'language', 'model', 'tagAudioEvents']);
		expect(form.get('diarize')).toBe('true');
		expect(form.get('tagAudioEvents')).toBe('true');
		expect(form.get('model')).toBe('Elevenlabs-STT');
		expect((await fileBytes(form, 'audio')).bytes.equals(AUDIO.mp3.bytes)).toBe(true);
		expect(server.requestsTo('POST', '/v1/audio/transcriptions')).toHaveLength(0);
		const polls = server.requestsTo('POST', '/transcribe/status');
		expect(polls).toHaveLength(2);
		expect(polls[0].json).toEqual({
			runId: 'stt-7',
			cost: 0.05,
			paymentSource: 'USD',
			fileName: 'meeting.mp3',
			fileSize: 27,
			chargedDuration: 1,
			diarize: true,
			isApiRequest: true,
		});
		expect(result.items[0].json).toEqual({
			text: 'Speaker 1: Hello. Speaker 2: Hi there!',
			language: 'en',
			duration: 30,
			segments: completed.diarization.segments,
			words: completed.words,
			model: 'Elevenlabs-STT',
			cost: 0.05,
			currency: 'USD',
			runId: 'stt-7',
		});
	});

	test('sends a URL as JSON audioUrl with diarize true', async () => {
		server.on('POST', '/transcribe', { json: { transcription: 'Hi', metadata: { language: 'en', actualDuration: 1, cost: 0.01, currency: 'USD', model: 'Elevenlabs-STT' } } });
		const result = await runNode(
			transcribe({ model: elevenLabs, diarize: true, audioSource: 'url', audioUrl: 'https://example.com/long.mp3' }),
			{ baseUrl: server.baseUrl },
		);
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json).toEqual({ audioUrl: 'https://example.com/long.mp3', model: 'Elevenlabs-STT', diarize: true });
		expect(result.items[0].json).toMatchObject({ text: 'Hi', language: 'en', duration: 60 });
	});

	test('a failed job stops with NanoGPT\'s reason', async () => {
		server.on('POST', '/transcribe', { status: 202, json: ticket });
		server.on('POST', '/transcribe/status', { json: { status: 'failed', error: 'Audio could not be decoded' } });
		const result = await runNode(transcribe({ model: elevenLabs, diarize: true, options: { pollInterval: 1 } }), {
			baseUrl: server.baseUrl,
			items: [recording],
		});
		expect(result.error?.message).toBe('NanoGPT could not transcribe the audio: Audio could not be decoded');
	});

	test('a job still running after the maximum wait stops with a clear error', async () => {
		server.on('POST', '/transcribe', { status: 202, json: ticket });
		server.on('POST', '/transcribe/status', { json: { status: 'processing' } });
		const result = await runNode(transcribe({ model: elevenLabs, diarize: true, options: { pollInterval: 1, maxWait: 1 } }), {
			baseUrl: server.baseUrl,
			items: [recording],
		});
		expect(result.error?.message).toBe('The transcription job stt-7 did not finish within 1 second');
		expect(result.error?.context?.requestId).toBe('stt-7');
	});

	test('a file over the 3 MB /transcribe limit is refused before upload', async () => {
		const big = itemWithBinary({
			data: { buffer: Buffer.concat([AUDIO.mp3.bytes, Buffer.alloc(3_000_000)]), mimeType: 'audio/mpeg', fileName: 'long.mp3' },
		});
		const result = await runNode(transcribe({ model: elevenLabs, diarize: true }), { baseUrl: server.baseUrl, items: [big] });
		expect(result.error?.message).toBe(
			`The file "long.mp3" in "data" is 3 MB (${(3_000_000 + AUDIO.mp3.bytes.length).toLocaleString('en-US')} bytes), more than the 3 MB (3,000,000 bytes) the node uploads to NanoGPT /transcribe (speaker diarization) accepts (parameter "Input Binary Field")`,
		);
		expect(result.error?.description).toContain('URL');
		expect(server.requests).toHaveLength(0);
	});
});

describe('Create Transcription errors', () => {
	test('a file over 25 MB is refused with its size, the limit and the URL alternative', async () => {
		const big = itemWithBinary({
			data: { buffer: Buffer.concat([AUDIO.mp3.bytes, Buffer.alloc(26_000_000 - AUDIO.mp3.bytes.length)]), mimeType: 'audio/mpeg', fileName: 'podcast.mp3' },
		});
		const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [big] });
		expect(result.error?.message).toBe(
			'The file "podcast.mp3" in "data" is 26 MB (26,000,000 bytes), more than the 25 MB (25,000,000 bytes) the node uploads to NanoGPT accepts (parameter "Input Binary Field")',
		);
		expect(result.error?.description).toBe(
			'Set Audio Source to URL and give a public link to the file instead (NanoGPT accepts files up to 500 MB by URL).',
		);
		expect(server.requests).toHaveLength(0);
	});

	test('a missing binary property names the parameter and lists what the item has', async () => {
		const result = await runNode(transcribe({ binaryPropertyName: 'audio' }), { baseUrl: server.baseUrl, items: [recording] });
		expect(result.error?.message).toBe('The input item has no binary property "audio" (parameter "Input Binary Field")');
		expect(result.error?.description).toContain('"data"');
		expect(server.requests).toHaveLength(0);
	});

	test('an image instead of audio is refused, naming the parameter', async () => {
		const image = itemWithBinary({ data: { buffer: PNG, mimeType: 'image/png', fileName: 'photo.png' } });
		const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [image] });
		expect(result.error?.message).toBe('The binary property "data" is not an audio file (parameter "Input Binary Field")');
		expect(result.error?.description).toContain('photo.png');
		expect(server.requests).toHaveLength(0);
	});

	test('audio with a generic MIME type is accepted', async () => {
		server.on('POST', '/v1/audio/transcriptions', whisperAnswer);
		const item = itemWithBinary({ data: { buffer: AUDIO.wav.bytes, mimeType: 'application/octet-stream', fileName: 'note.wav' } });
		const result = await runNode(transcribe(), { baseUrl: server.baseUrl, items: [item] });
		expect(result.error).toBeUndefined();
		const file = await fileBytes(await formDataOf(server.lastRequest()), 'file');
		expect(file.bytes.equals(AUDIO.wav.bytes)).toBe(true);
	});

	test('an empty Audio URL is refused', async () => {
		const result = await runNode(transcribe({ audioSource: 'url', audioUrl: ' ' }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Audio URL" is empty');
	});
});
