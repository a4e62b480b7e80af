import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';
import { AUDIO } from '../audio/audioBytes';
import { bytesOf, itemWithBinary } from '../image/media';

const server = useFakeNanoGpt();

const ticket = { status: 'pending', runId: 'run-42', model: 'Elevenlabs-Turbo-V2.5', cost: 0.03, paymentSource: 'USD', isApiRequest: true };

describe('Audio > Create Speech / Create Transcription with Wait for Completion off', () => {
	test('Create Speech returns the job ticket at once, nothing is polled', async () => {
		server.on('POST', '/tts', { status: 202, json: ticket });
		const result = await runNode(
			{
				resource: 'audio',
				operation: 'createSpeech',
				model: { __rl: true, mode: 'id', value: 'Elevenlabs-Turbo-V2.5' },
				input: 'Hello',
				voice: 'Rachel',
				options: { requestMode: 'job', waitForCompletion: false },
			} as never,
			{ baseUrl: server.baseUrl },
		);
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('GET', '/tts/status')).toHaveLength(0);
		expect(result.items[0].json).toEqual({ state: 'pending', ...ticket });
		expect(result.items[0].binary).toBeUndefined();
	});

	test('Create Transcription returns the job ticket at once', async () => {
		const transcriptionTicket = { runId: 'stt-7', status: 'pending', cost: 0.01, paymentSource: 'USD', isApiRequest: true };
		server.on('POST', '/transcribe', { status: 202, json: transcriptionTicket });
		const result = await runNode(
			{
				resource: 'audio',
				operation: 'createTranscription',
				model: { __rl: true, mode: 'id', value: 'Elevenlabs-STT' },
				diarize: true,
				options: { waitForCompletion: false },
			} as never,
			{ baseUrl: server.baseUrl, items: [itemWithBinary({ data: { buffer: AUDIO.mp3.bytes, mimeType: 'audio/mpeg', fileName: 'a.mp3' } })] },
		);
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('POST', '/transcribe/status')).toHaveLength(0);
		expect(result.items[0].json).toEqual({ state: 'pending', ...transcriptionTicket });
	});
});

describe('Audio > Get Speech Job', () => {
	const parameters = (extra: Record<string, unknown> = {}) =>
		({ resource: 'audio', operation: 'getSpeechJob', runId: ' run-42 ', jobModel: 'Elevenlabs-Turbo-V2.5', ...extra }) as never;

	test('pending: GET /tts/status?runId&model&isApiRequest, the status only', async () => {
		server.on('GET', '/tts/status', authed(() => ({ json: { status: 'pending', runId: 'run-42', queuePosition: 2 } })));
		const result = await runNode(parameters(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().query).toEqual({ runId: 'run-42', model: 'Elevenlabs-Turbo-V2.5', isApiRequest: 'true' });
		expect(result.items[0].json).toEqual({ runId: 'run-42', state: 'pending', status: 'pending', queuePosition: 2 });
	});

	test('completed: the audio is downloaded into the binary field', async () => {
		server.on('GET', '/tts/status', { json: { status: 'completed', audioUrl: `${server.baseUrl}/files/job.mp3`, contentType: 'audio/mpeg' } });
		server.on('GET', '/files/job.mp3', { headers: { 'content-type': 'audio/mpeg' }, body: AUDIO.mp3.bytes });
		const result = await runNode(parameters({ binaryPropertyOutput: 'speech' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(bytesOf(result.items[0], 'speech')).toEqual(AUDIO.mp3.bytes);
		expect(result.items[0].json).toMatchObject({ runId: 'run-42', state: 'completed', mimeType: 'audio/mpeg', fileSize: AUDIO.mp3.bytes.length });
	});

	test('completed without download: the audio URL only', async () => {
		server.on('GET', '/tts/status', { json: { status: 'completed', audioUrl: 'https://storage.example/a.mp3' } });
		const result = await runNode(parameters({ download: false }), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toEqual({ runId: 'run-42', state: 'completed', status: 'completed', audioUrl: 'https://storage.example/a.mp3' });
		expect(server.requests).toHaveLength(1);
	});

	test('a failed job is reported as state "failed" (for an If node), not thrown', async () => {
		server.on('GET', '/tts/status', { json: { status: 'error', error: 'Voice not found' } });
		const result = await runNode(parameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toEqual({ runId: 'run-42', state: 'failed', status: 'error', error: 'Voice not found' });
	});

	test('Run ID and Model are required', async () => {
		expect((await runNode(parameters({ runId: ' ' }), { baseUrl: server.baseUrl })).error?.message).toBe('The parameter "Run ID" is empty');
		expect((await runNode(parameters({ jobModel: ' ' }), { baseUrl: server.baseUrl })).error?.message).toBe('The parameter "Model" is empty');
		expect(server.requests).toHaveLength(0);
	});
});

describe('Audio > Get Transcription Job', () => {
	const parameters = (extra: Record<string, unknown> = {}) => ({ resource: 'audio', operation: 'getTranscriptionJob', runId: 'stt-7', ...extra }) as never;

	test('POST /transcribe/status {runId, isApiRequest}; completed -> simplified like Create Transcription', async () => {
		server.on('POST', '/transcribe/status', authed(() => ({
			json: { status: 'completed', transcription: 'Hello all.', metadata: { language: 'en', actualDuration: 0.5, cost: 0.01 } },
		})));
		const result = await runNode(parameters(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({ runId: 'stt-7', isApiRequest: true });
		expect(openApiErrors('TranscribeStatusRequest', body)).toEqual([]);
		expect(result.items[0].json).toEqual({ runId: 'stt-7', state: 'completed', text: 'Hello all.', language: 'en', duration: 30, cost: 0.01 });
	});

	test('pending: the status as NanoGPT sent it', async () => {
		server.on('POST', '/transcribe/status', { json: { status: 'processing' } });
		const result = await runNode(parameters(), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toEqual({ runId: 'stt-7', state: 'pending', status: 'processing' });
	});
});
