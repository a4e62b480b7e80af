import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';
import { AUDIO } from './audioBytes';

const server = useFakeNanoGpt();

test('Create Speech in Background Job mode sends a TTSRequest of the official spec', async () => {
	server.on('POST', '/tts', { headers: { 'content-type': 'audio/mpeg' }, body: AUDIO.mp3.bytes });
	const result = await runNode(
		{
			resource: 'audio',
			operation: 'createSpeech',
			model: { __rl: true, mode: 'id', value: 'Kokoro-82m' },
			input: 'Hello',
			voice: 'af_bella',
			responseFormat: 'wav',
			options: { requestMode: 'job', speed: 0.1, instructions: 'calm', additionalFields: '{"stability": 0.4}' },
		},
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(openApiErrors('TTSRequest', server.lastRequest().json)).toEqual([]);
});

test('Create Transcription by URL with diarization sends a TranscribeJsonRequest, and its poll a TranscribeStatusRequest', async () => {
	server.on('POST', '/transcribe', {
		status: 202,
		json: { runId: 'r1', status: 'pending', model: 'Elevenlabs-STT', cost: 0.1, paymentSource: 'USD', fileName: 'a.mp3', fileSize: 10, chargedDuration: 1, diarize: true },
	});
	server.on('POST', '/transcribe/status', { json: { status: 'completed', transcription: 'Hi', metadata: { language: 'en' } } });
	const result = await runNode(
		{
			resource: 'audio',
			operation: 'createTranscription',
			model: { __rl: true, mode: 'id', value: 'Elevenlabs-STT' },
			audioSource: 'url',
			audioUrl: 'https://example.com/a.mp3',
			language: 'en',
			diarize: true,
			options: { tagAudioEvents: true, pollInterval: 1 },
		},
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(openApiErrors('TranscribeJsonRequest', server.requestsTo('POST', '/transcribe')[0].json)).toEqual([]);
	expect(openApiErrors('TranscribeStatusRequest', server.requestsTo('POST', '/transcribe/status')[0].json)).toEqual([]);
});
