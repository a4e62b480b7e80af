import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';
import { PNG, itemWithBinary } from '../image/media';
import { AUDIO } from './audioBytes';
import { fileBytes, formDataOf } from './multipart';
import spec from '../fixtures/nanogpt-openapi.json';

const server = useFakeNanoGpt();

const recording = itemWithBinary({ voice: { buffer: AUDIO.mp3.bytes, mimeType: 'audio/mpeg', fileName: 'my-voice.mp3' } });

function clone(parameters: Record<string, unknown> = {}) {
	return {
		resource: 'audio',
		operation: 'cloneVoice',
		cloneProvider: 'minimax',
		binaryPropertyName: 'voice',
		customVoiceId: 'NarratorVoice01',
		options: { pollInterval: 0.01 },
		...parameters,
	};
}

function ticket(provider: 'minimax' | 'qwen', extra: Record<string, unknown> = {}) {
	return {
		status: 202,
		json: { runId: `vc_${provider}_1`, status: 'pending', model: `${provider}-voice-clone`, cost: 1.5, paymentSource: 'USD', isApiRequest: true, ...extra },
	};
}

const minimaxDone = {
	json: { status: 'completed', audioUrls: ['https://cdn.example/preview.mp3'], metadata: { customVoiceId: 'NarratorVoice01' } },
};
const qwenDone = { json: { status: 'completed', speakerEmbeddingUrl: 'https://cdn.example/speaker.pt', metadata: { duration: 12 } } };

/** The form fields the spec declares for a multipart clone request. */
function formFieldsOf(schema: 'VoiceCloneMinimaxFormRequest' | 'VoiceCloneQwenFormRequest'): string[] {
	return Object.keys((spec as unknown as { components: { schemas: Record<string, { properties: object }> } }).components.schemas[schema].properties);
}

async function run(parameters: Record<string, unknown>, options: { items?: Parameters<typeof runNode>[1]['items']; continueOnFail?: boolean } = {}) {
	return await runNode(clone(parameters), { baseUrl: server.baseUrl, items: options.items ?? [recording], continueOnFail: options.continueOnFail });
}

describe('Audio > Clone Voice: MiniMax', () => {
	test('uploads the recording as multipart "audio" with customVoiceId, waits for the job and outputs the voice ID', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.queue('POST', '/voice-clone/minimax/status', { json: { status: 'processing' } }, minimaxDone);
		const result = await run({});
		expect(result.error).toBeUndefined();
		const [submit] = server.requestsTo('POST', '/voice-clone/minimax');
		expect(submit.headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		const form = await formDataOf(submit);
		expect([...form.keys()].sort()).toEqual(['audio', 'customVoiceId']);
		for (const key of form.keys()) expect(formFieldsOf('VoiceCloneMinimaxFormRequest')).toContain(key);
		expect(form.get('customVoiceId')).toBe('NarratorVoice01');
		const file = await fileBytes(form, 'audio');
		expect(file.bytes.equals(AUDIO.mp3.bytes)).toBe(true);
		expect(file.name).toBe('my-voice.mp3');
		expect(file.type).toBe('audio/mpeg');

		const polls = server.requestsTo('POST', '/voice-clone/minimax/status');
		expect(polls).toHaveLength(2);
		for (const poll of polls) {
			expect(poll.json).toEqual({ runId: 'vc_minimax_1', cost: 1.5, paymentSource: 'USD', isApiRequest: true });
			expect(openApiErrors('VoiceCloneStatusRequest', poll.json)).toEqual([]);
		}
		expect(result.items.map((item) => item.json)).toEqual([
			{
				voiceId: 'NarratorVoice01',
				provider: 'minimax',
				state: 'completed',
				runId: 'vc_minimax_1',
				model: 'minimax-voice-clone',
				cost: 1.5,
				paymentSource: 'USD',
				audioUrls: ['https://cdn.example/preview.mp3'],
				metadata: { customVoiceId: 'NarratorVoice01' },
			},
		]);
	});

	test('every MiniMax option is sent with its type in JSON for a URL, valid against VoiceCloneMinimaxJsonRequest', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.on('POST', '/voice-clone/minimax/status', minimaxDone);
		const result = await run({
			audioSource: 'url',
			audioUrl: ' https://example.com/voice.wav ',
			customVoiceId: ' NarratorVoice01 ',
			minimaxOptions: { accuracy: 0.8, needNoiseReduction: true, needVolumeNormalization: false, previewText: 'Hello there', voiceCloneModel: 'speech-02-hd' },
		});
		expect(result.error).toBeUndefined();
		const [submit] = server.requestsTo('POST', '/voice-clone/minimax');
		expect(submit.headers['content-type']).toContain('application/json');
		expect(submit.json).toEqual({
			audioUrl: 'https://example.com/voice.wav',
			customVoiceId: 'NarratorVoice01',
			voiceCloneModel: 'speech-02-hd',
			needNoiseReduction: true,
			needVolumeNormalization: false,
			accuracy: 0.8,
			text: 'Hello there',
		});
		expect(openApiErrors('VoiceCloneMinimaxJsonRequest', submit.json)).toEqual([]);
	});

	test('options go into the multipart form as text fields', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.on('POST', '/voice-clone/minimax/status', minimaxDone);
		await run({ minimaxOptions: { accuracy: 0.5, needNoiseReduction: true } });
		const form = await formDataOf(server.requestsTo('POST', '/voice-clone/minimax')[0]);
		expect([...form.keys()].sort()).toEqual(['accuracy', 'audio', 'customVoiceId', 'needNoiseReduction']);
		expect(form.get('accuracy')).toBe('0.5');
		expect(form.get('needNoiseReduction')).toBe('true');
	});

	test('Wait for Completion off: the ticket with the chosen voice ID, nothing polled', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		const result = await run({ options: { waitForCompletion: false } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ state: 'pending', provider: 'minimax', voiceId: 'NarratorVoice01', ...ticket('minimax').json });
		expect(server.requestsTo('POST', '/voice-clone/minimax/status')).toHaveLength(0);
	});

	test('a failed job is an error with NanoGPT\'s reason naming the job; Continue On Fail pairs it with its item', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.on('POST', '/voice-clone/minimax/status', { json: { status: 'failed', error: 'voice id already exists' } });
		const result = await run({}, { continueOnFail: true, items: [recording] });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toBe('NanoGPT could not clone the voice: voice id already exists');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('the API key in a failure reason never reaches the error', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.on('POST', '/voice-clone/minimax/status', { json: { status: 'failed', error: `bad key ${VALID_KEY} for job` } });
		const result = await run({});
		expect(result.error?.message).toMatch(/^NanoGPT could not clone the voice: bad key .+ for job$/);
		expect(JSON.stringify({ message: result.error?.message, description: result.error?.description })).not.toContain(VALID_KEY);
	});

	test('a job that does not finish in Max Wait names the run', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.on('POST', '/voice-clone/minimax/status', { json: { status: 'processing' } });
		const result = await run({ options: { pollInterval: 1, maxWait: 1 } });
		expect(result.error?.message).toBe('The voice clone job vc_minimax_1 did not finish within 1 second');
	});
});

describe('Audio > Clone Voice: Qwen', () => {
	test('uploads the recording with the reference text; outputs the speaker embedding URL (no voice ID reported)', async () => {
		server.on('POST', '/voice-clone/qwen', ticket('qwen', { cost: 0.8 }));
		server.on('POST', '/voice-clone/qwen/status', qwenDone);
		const result = await run({ cloneProvider: 'qwen', referenceText: 'Hello, this is my voice.' });
		expect(result.error).toBeUndefined();
		const form = await formDataOf(server.requestsTo('POST', '/voice-clone/qwen')[0]);
		expect([...form.keys()].sort()).toEqual(['audio', 'referenceText']);
		for (const key of form.keys()) expect(formFieldsOf('VoiceCloneQwenFormRequest')).toContain(key);
		expect((await fileBytes(form, 'audio')).bytes.equals(AUDIO.mp3.bytes)).toBe(true);
		expect(server.requestsTo('POST', '/voice-clone/minimax')).toHaveLength(0);
		expect(server.requestsTo('POST', '/voice-clone/qwen/status')[0].json).toEqual({ runId: 'vc_qwen_1', cost: 0.8, paymentSource: 'USD', isApiRequest: true });
		expect(result.items[0].json).toEqual({
			voiceId: null,
			provider: 'qwen',
			state: 'completed',
			runId: 'vc_qwen_1',
			model: 'qwen-voice-clone',
			cost: 0.8,
			paymentSource: 'USD',
			speakerEmbeddingUrl: 'https://cdn.example/speaker.pt',
			metadata: { duration: 12 },
		});
	});

	test('a voice ID in the metadata wins; a URL without reference text is JSON {audioUrl} only', async () => {
		server.on('POST', '/voice-clone/qwen', ticket('qwen'));
		server.on('POST', '/voice-clone/qwen/status', { json: { ...qwenDone.json, metadata: { voiceId: 'qwen-v-123' } } });
		const result = await run({ cloneProvider: 'qwen', audioSource: 'url', audioUrl: 'https://example.com/voice.ogg', customVoiceId: 'ignored' });
		expect(result.error).toBeUndefined();
		const submit = server.requestsTo('POST', '/voice-clone/qwen')[0];
		expect(submit.json).toEqual({ audioUrl: 'https://example.com/voice.ogg' });
		expect(openApiErrors('VoiceCloneQwenJsonRequest', submit.json)).toEqual([]);
		expect(result.items[0].json.voiceId).toBe('qwen-v-123');
	});

	test('Qwen takes OGG recordings, MiniMax does not', async () => {
		const ogg = itemWithBinary({ voice: { buffer: AUDIO.opus.bytes, mimeType: 'audio/ogg', fileName: 'voice.ogg' } });
		server.on('POST', '/voice-clone/qwen', ticket('qwen'));
		server.on('POST', '/voice-clone/qwen/status', qwenDone);
		expect((await run({ cloneProvider: 'qwen' }, { items: [ogg] })).error).toBeUndefined();
		const refused = await run({}, { items: [ogg] });
		expect(refused.error?.message).toBe('MiniMax voice cloning takes MP3, M4A or WAV audio, not audio/ogg (parameter "Input Binary Field")');
		expect(server.requestsTo('POST', '/voice-clone/minimax')).toHaveLength(0);
	});
});

describe('Audio > Clone Voice input checks (nothing is sent, nothing is paid)', () => {
	test.each([
		[{ customVoiceId: 'short1' }, 'The parameter "Custom Voice ID" must start with a letter and have at least 8 letters or digits'],
		[{ customVoiceId: '1Narrator' }, 'The parameter "Custom Voice ID" must start with a letter and have at least 8 letters or digits'],
		[{ customVoiceId: 'Narrator_01' }, 'The parameter "Custom Voice ID" must start with a letter and have at least 8 letters or digits'],
		[{ customVoiceId: '  ' }, 'The parameter "Custom Voice ID" is empty'],
		[{ minimaxOptions: { accuracy: 1.5 } }, 'The parameter "Accuracy" must be at least 0 and at most 1'],
		[{ audioSource: 'url', audioUrl: 'file:///etc/passwd' }, 'The parameter "Audio URL" must start with http:// or https://'],
		[{ binaryPropertyName: 'missing' }, 'The input item has no binary property "missing" (parameter "Input Binary Field")'],
		[{ cloneProvider: '={{ "elevenlabs" }}' }, 'The parameter "Provider" must be minimax or qwen'],
	])('%j', async (parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	test('a file that is not audio', async () => {
		const result = await run({}, { items: [itemWithBinary({ voice: { buffer: PNG, mimeType: 'audio/mpeg', fileName: 'fake.mp3' } })] });
		expect(result.error?.message).toBe('The binary property "voice" is not an audio file (parameter "Input Binary Field")');
		expect(server.requests).toHaveLength(0);
	});
});

describe('Audio > Clone Voice: NanoGPT errors', () => {
	test('402 insufficient balance is reported in NanoGPT\'s words, nothing polled', async () => {
		server.on('POST', '/voice-clone/minimax', { status: 402, json: { error: 'Insufficient balance' } });
		const result = await run({});
		expect(result.error?.message).toContain('Insufficient balance');
		expect(server.requestsTo('POST', '/voice-clone/minimax/status')).toHaveLength(0);
	});

	test('an unknown run at the status route (400) stops the wait with NanoGPT\'s words', async () => {
		server.on('POST', '/voice-clone/minimax', ticket('minimax'));
		server.on('POST', '/voice-clone/minimax/status', { status: 400, json: { error: 'Invalid runId' } });
		const result = await run({});
		expect(result.error?.message).toContain('Invalid runId');
	});

	test('a ticket without a run ID is a clear error', async () => {
		server.on('POST', '/voice-clone/minimax', { status: 202, json: { status: 'pending' } });
		const result = await run({});
		expect(result.error?.message).toBe('NanoGPT accepted the voice clone but returned no run ID');
	});

	test('several items: each its own job, outputs paired in order', async () => {
		server.on('POST', '/voice-clone/minimax', (request) => ticket('minimax', { runId: `vc_${request.rawBody.includes(Buffer.from('VoiceNumberTwo')) ? 2 : 1}` }));
		server.on('POST', '/voice-clone/minimax/status', minimaxDone);
		const result = await run({ customVoiceId: '={{ $json.id }}' }, {
			items: [
				{ ...recording, json: { id: 'VoiceNumberOne' } },
				{ ...recording, json: { id: 'VoiceNumberTwo' } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.runId, item.pairedItem])).toEqual([
			['vc_1', { item: 0 }],
			['vc_2', { item: 1 }],
		]);
	});
});
