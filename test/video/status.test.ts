import { runNode } from '../helpers/engine';
import { useFakeNanoGpt } from '../helpers/server';
import { MP4_BYTES, RUN_ID, flatStatus, nestedStatus, statusParameters } from './videoFixtures';

const server = useFakeNanoGpt();

function videoUrl() {
	return `${server.baseUrl.replace(/\/api$/, '')}/files/clip.mp4`;
}

async function getStatus(response: { json: unknown; status?: number }, extra: Parameters<typeof statusParameters>[0] = {}) {
	server.on('GET', '/video/status', response);
	return await runNode(statusParameters(extra), { baseUrl: server.baseUrl });
}

describe('Video > Get Status', () => {
	test('asks GET /video/status?requestId= and normalizes the nested shape', async () => {
		const response = nestedStatus('COMPLETED', { output: { video: { url: videoUrl() } }, cost: 0.75 });
		const result = await getStatus(response);
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ method: 'GET', path: '/video/status', query: { requestId: RUN_ID } });
		expect(result.items.map((item) => item.json)).toEqual([
			{
				requestId: RUN_ID,
				model: 'veo3-video',
				status: 'completed',
				done: true,
				videoUrl: videoUrl(),
				progress: null,
				error: null,
				cost: 0.75,
				raw: response.json,
			},
		]);
		expect(result.items[0].binary).toBeUndefined();
	});

	test('normalizes the flat shape with progress', async () => {
		const result = await getStatus(flatStatus('processing', { progress: 42 }));
		expect(result.items[0].json).toMatchObject({ requestId: RUN_ID, status: 'in_progress', done: false, progress: 42, videoUrl: null });
	});

	test('a failed job is returned as data with its user-friendly error, not thrown', async () => {
		const result = await getStatus(nestedStatus('FAILED', { error: 'E_PROVIDER', userFriendlyError: 'The model is overloaded.' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ status: 'failed', done: true, error: 'The model is overloaded.' });
	});

	test('the request ID is trimmed', async () => {
		await getStatus(flatStatus('queued'), { requestId: `  ${RUN_ID} ` });
		expect(server.lastRequest().query).toEqual({ requestId: RUN_ID });
	});

	const words: Array<[string, 'nested' | 'flat', string, boolean]> = [
		['IN_QUEUE', 'nested', 'queued', false],
		['IN_PROGRESS', 'nested', 'in_progress', false],
		['COMPLETED', 'nested', 'completed', true],
		['FAILED', 'nested', 'failed', true],
		['CANCELED', 'nested', 'canceled', true],
		['queued', 'flat', 'queued', false],
		['processing', 'flat', 'in_progress', false],
		['generating', 'flat', 'in_progress', false],
		['delivering', 'flat', 'in_progress', false],
		['completed', 'flat', 'completed', true],
		['failed', 'flat', 'failed', true],
		['cancelled', 'flat', 'canceled', true],
		['unknown', 'flat', 'unknown', false],
	];
	test.each(words)('%s (%s shape) becomes %s, done %s', async (word, shape, status, done) => {
		const result = await getStatus(shape === 'nested' ? nestedStatus(word) : flatStatus(word));
		expect(result.items[0].json).toMatchObject({ status, done });
	});

	test('Download Video If Ready downloads a completed video', async () => {
		server.on('GET', '/files/clip.mp4', { headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES });
		const result = await getStatus(flatStatus('completed', { videoUrl: videoUrl() }), { downloadVideo: true });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: 'clip.mp4', fileExtension: 'mp4' });
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});

	test('a link without a file name gives the file the request ID as its name', async () => {
		const base = server.baseUrl.replace(/\/api$/, '');
		server.on('GET', '/files/', { headers: { 'content-type': 'video/webm' }, body: Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]) });
		const result = await getStatus(flatStatus('completed', { videoUrl: `${base}/files/` }), { downloadVideo: true });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'video/webm', fileName: `${RUN_ID}.webm`, fileExtension: 'webm' });
	});

	test('Download Video If Ready does nothing while the video is not ready', async () => {
		const result = await getStatus(flatStatus('processing'), { downloadVideo: true });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary).toBeUndefined();
		expect(server.requestsTo('GET', '/files/clip.mp4')).toHaveLength(0);
	});

	test('an unknown request ID is a NanoGPT error', async () => {
		const result = await getStatus({ status: 404, json: { error: 'Video generation request not found' } });
		expect(result.error?.message).toMatch(/^NanoGPT has no video with the request ID "[^"]+": Video generation request not found$/);
	});

	test('a job of another account (403) is a NanoGPT error', async () => {
		const result = await getStatus({ status: 403, json: { error: 'Forbidden' } });
		expect(result.error?.message).toBe('NanoGPT refused access: Forbidden');
	});
});
