/**
 * Issue 11, item 12: a paid job that runs past the node's wait can be found again. The error names the job ID
 * and carries it (error.context.requestId, kept on the error item with Continue On Fail), ready for Get Status.
 * n8n itself rewrites an error item's JSON to {error: message}, so the ID is in that message too.
 */
import { runNode } from '../helpers/engine';
import { modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { AUDIO } from '../audio/audioBytes';
import { itemWithBinary } from '../image/media';
import { RUN_ID, generateParameters, statusParameters, submitted } from '../video/videoFixtures';

const server = useFakeNanoGpt();

describe('every wait limit names the job and puts its ID in the error item', () => {
	test('Video > Generate past Max Wait, with Continue On Fail, for two items', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', { json: { requestId: RUN_ID, status: 'processing' } });
		const result = await runNode(generateParameters({ pollInterval: 1, maxWait: 1 }), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});
		expect(result.items).toHaveLength(2);
		for (const [index, item] of result.items.entries()) {
			expect(item.json).toEqual({ error: `The video generation ${RUN_ID} did not finish within 1 second` });
			expect(item.error?.context?.requestId).toBe(RUN_ID);
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.error?.description).toContain(`check it later with Video > Get Status with the ID ${RUN_ID}`);
		}
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(2);
	});

	test('the ID in the error item is the one Get Status needs', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', { json: { requestId: RUN_ID, status: 'processing' } });
		const failed = await runNode(generateParameters({ pollInterval: 1, maxWait: 1 }), { baseUrl: server.baseUrl, continueOnFail: true });
		const requestId = String(failed.items[0].error?.context?.requestId);
		server.reset();
		server.on('GET', '/video/status', { json: { requestId: RUN_ID, status: 'completed', videoUrl: null } });
		const status = await runNode(statusParameters({ requestId }), { baseUrl: server.baseUrl });
		expect(status.error).toBeUndefined();
		expect(server.lastRequest().query).toEqual({ requestId: RUN_ID });
		expect(status.items[0].json).toMatchObject({ requestId: RUN_ID, status: 'completed' });
	});

	test('Create Speech background job past Max Wait', async () => {
		server.on('POST', '/tts', { status: 202, json: { runId: 'run-42', status: 'pending', model: 'Elevenlabs-Turbo-V2.5' } });
		server.on('GET', '/tts/status', { json: { status: 'pending', runId: 'run-42' } });
		const result = await runNode(
			{
				resource: 'audio',
				operation: 'createSpeech',
				model: modelById('Elevenlabs-Turbo-V2.5'),
				input: 'Hello',
				options: { requestMode: 'job', pollInterval: 1, maxWait: 1 },
			},
			{ baseUrl: server.baseUrl, continueOnFail: true },
		);
		expect(result.items[0].json).toEqual({ error: 'The speech job run-42 did not finish within 1 second' });
		expect(result.items[0].error?.context?.requestId).toBe('run-42');
		expect(result.items[0].error?.description).toContain('with the ID run-42');
	});

	test('Create Transcription background job past Max Wait', async () => {
		server.on('POST', '/transcribe', { status: 202, json: { runId: 'stt-7', status: 'pending', model: 'Elevenlabs-STT' } });
		server.on('POST', '/transcribe/status', { json: { status: 'processing' } });
		const result = await runNode(
			{
				resource: 'audio',
				operation: 'createTranscription',
				model: modelById('Elevenlabs-STT'),
				diarize: true,
				options: { pollInterval: 1, maxWait: 1 },
			},
			{
				baseUrl: server.baseUrl,
				continueOnFail: true,
				items: [itemWithBinary({ data: { buffer: AUDIO.mp3.bytes, mimeType: 'audio/mpeg', fileName: 'a.mp3' } })],
			},
		);
		expect(result.items[0].json).toEqual({ error: 'The transcription job stt-7 did not finish within 1 second' });
		expect(result.items[0].error?.context?.requestId).toBe('stt-7');
	});

	test('Video > Get Status 404 names the ID it looked for, and the error item carries it', async () => {
		server.on('GET', '/video/status', { status: 404, json: { error: 'Video generation request not found' } });
		const result = await runNode(statusParameters({ requestId: 'vid_missing42' }), { baseUrl: server.baseUrl, continueOnFail: true });
		expect(result.items[0].json).toEqual({
			error: 'NanoGPT has no video with the request ID "vid_missing42": Video generation request not found',
		});
		expect(result.items[0].error?.context?.requestId).toBe('vid_missing42');
	});
});
