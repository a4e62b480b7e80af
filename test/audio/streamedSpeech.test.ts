import { runNode } from '../helpers/engine';
import { useFakeNanoGpt } from '../helpers/server';
import { AUDIO } from './audioBytes';

const server = useFakeNanoGpt();

const createSpeech = (extra: Record<string, unknown> = {}) => ({
	resource: 'audio',
	operation: 'createSpeech',
	model: { __rl: true, mode: 'id', value: 'tts-1' },
	input: 'Hello from NanoGPT',
	voice: 'alloy',
	...extra,
});

describe('a speech answer streams into n8n binary storage', () => {
	test('an 8 MB answer arriving in chunks is stored byte for byte, with its size', async () => {
		const audio = Buffer.concat([AUDIO.mp3.bytes, Buffer.alloc(8 * 1024 * 1024, 3)]);
		server.on('POST', '/v1/audio/speech', {
			raw: (res) => {
				res.writeHead(200, { 'content-type': 'audio/mpeg' });
				let offset = 0;
				const next = (): void => {
					if (offset >= audio.length) {
						res.end();
						return;
					}
					const chunk = audio.subarray(offset, offset + 64 * 1024);
					offset += chunk.length;
					if (res.write(chunk)) setImmediate(next);
					else res.once('drain', next);
				};
				next();
			},
		});
		const result = await runNode(createSpeech(), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		const stored = Buffer.from(result.items[0].binary!.data.data, 'base64');
		expect(stored.equals(audio)).toBe(true);
		expect(result.items[0].json).toEqual({ model: 'tts-1', voice: 'alloy', responseFormat: 'mp3', mimeType: 'audio/mpeg', fileSize: audio.length });
	});

	test('an answer cut off in the middle is a clear error, not a short file', async () => {
		server.on('POST', '/v1/audio/speech', {
			raw: (res) => {
				res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(AUDIO.mp3.bytes.length + 100_000) });
				res.write(AUDIO.mp3.bytes);
				setImmediate(() => res.socket?.destroy());
			},
		});
		const result = await runNode(createSpeech({ requestSettings: { maxRetries: 0 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The speech from NanoGPT was cut off');
		expect(result.error?.description).toContain('Run the node again');
		expect(result.items).toHaveLength(0);
	});

	test('an empty audio answer is a clear error', async () => {
		server.on('POST', '/v1/audio/speech', { headers: { 'content-type': 'audio/mpeg' }, body: Buffer.alloc(0) });
		const result = await runNode(createSpeech(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('NanoGPT returned an empty audio file');
	});

	test('a JSON error answer is still read and explained (402)', async () => {
		server.on('POST', '/v1/audio/speech', { status: 402, json: { error: 'Insufficient balance', status: 402 } });
		const result = await runNode(createSpeech(), { baseUrl: server.baseUrl });
		expect(result.error?.message).toMatch(/^Insufficient NanoGPT balance/);
	});
});
