import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { queryErrors } from './specQuery';
import { MP4_BYTES, RUN_ID, WEBP_BYTES, contentParameters } from './videoFixtures';

const server = useFakeNanoGpt();

function fileUrl(name: string) {
	return `${server.baseUrl.replace(/\/api$/, '')}/files/${name}`;
}

async function getContent(extra: Parameters<typeof contentParameters>[0] = {}, options: { continueOnFail?: boolean; items?: Parameters<typeof runNode>[1]['items'] } = {}) {
	return await runNode(contentParameters(extra), { baseUrl: server.baseUrl, ...options });
}

describe('Video > Get Content', () => {
	test('asks GET /generate-video/content?runId=&model=sora-2&variant=video and stores the bytes NanoGPT sends', async () => {
		server.on('GET', '/generate-video/content', { headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES });
		const result = await getContent();
		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('GET', '/generate-video/content');
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toEqual({ runId: RUN_ID, model: 'sora-2', variant: 'video' });
		expect(queryErrors('/generate-video/content', requests[0].query)).toEqual([]);
		expect(requests[0].headers['x-api-key'] ?? requests[0].headers.authorization).toBeDefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({
			runId: RUN_ID,
			model: 'sora-2',
			variant: 'video',
			mimeType: 'video/mp4',
			fileName: `${RUN_ID}.mp4`,
			fileSize: MP4_BYTES.length,
		});
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${RUN_ID}.mp4`, fileExtension: 'mp4' });
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});

	test('the thumbnail variant is an image, typed from its bytes when NanoGPT sends a generic type, in the chosen field', async () => {
		server.on('GET', '/generate-video/content', { headers: { 'content-type': 'application/octet-stream' }, body: WEBP_BYTES });
		const result = await getContent({ contentVariant: 'thumbnail', outputBinaryPropertyName: 'thumb' });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().query).toEqual({ runId: RUN_ID, model: 'sora-2', variant: 'thumbnail' });
		expect(result.items[0].binary?.thumb).toMatchObject({ mimeType: 'image/webp', fileName: `${RUN_ID}-thumbnail.webp` });
		expect(Buffer.from(result.items[0].binary!.thumb.data, 'base64').equals(WEBP_BYTES)).toBe(true);
	});

	test('a JSON answer with a link is downloaded without the API key', async () => {
		server.on('GET', '/generate-video/content', { json: { url: fileUrl('sora.mp4?sig=1') } });
		server.on('GET', '/files/sora.mp4', { headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES });
		const result = await getContent({ contentVariant: 'video' });
		expect(result.error).toBeUndefined();
		const download = server.requestsTo('GET', '/files/sora.mp4');
		expect(download).toHaveLength(1);
		expect(download[0].headers['x-api-key']).toBeUndefined();
		expect(download[0].headers.authorization).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ runId: RUN_ID, variant: 'video', mimeType: 'video/mp4', fileName: 'sora.mp4', url: fileUrl('sora.mp4?sig=1') });
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});

	test('the run ID is trimmed', async () => {
		server.on('GET', '/generate-video/content', { headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES });
		await getContent({ runId: `  ${RUN_ID}\n` });
		expect(server.lastRequest().query.runId).toBe(RUN_ID);
	});

	test('an empty run ID is refused before anything is sent', async () => {
		const result = await getContent({ runId: '  ' });
		expect(result.error?.message).toContain('The parameter "Run ID" is empty');
		expect(server.requestsTo('GET', '/generate-video/content')).toHaveLength(0);
	});

	test('a variant set by expression to something else is refused, naming the parameter', async () => {
		const result = await getContent({ contentVariant: '={{ "poster" }}' });
		expect(result.error?.message).toBe('The parameter "Variant" must be video, thumbnail or spritesheet');
		expect(server.requestsTo('GET', '/generate-video/content')).toHaveLength(0);
	});

	test('JSON without a link is a clear error naming the run', async () => {
		server.on('GET', '/generate-video/content', { json: { status: 'processing' } });
		const result = await getContent();
		expect(result.error?.message).toBe(`NanoGPT answered without the video of run ${RUN_ID}`);
		expect(result.error?.description).toContain('processing');
	});

	test('an HTML page instead of the file is a clear error', async () => {
		server.on('GET', '/generate-video/content', { headers: { 'content-type': 'text/html' }, body: '<html>oops</html>' });
		const result = await getContent();
		expect(result.error?.message).toBe(`NanoGPT did not return a video file for the video of run ${RUN_ID}`);
	});

	test('an empty answer is a clear error', async () => {
		server.on('GET', '/generate-video/content', { headers: { 'content-type': 'video/mp4' }, body: Buffer.alloc(0) });
		const result = await getContent();
		expect(result.error?.message).toBe(`NanoGPT returned an empty video for run ${RUN_ID}`);
	});

	test('an unknown run (404) names the run ID', async () => {
		server.on('GET', '/generate-video/content', { status: 404, json: { error: 'Run not found' } });
		const result = await getContent();
		expect(result.error?.message).toBe(`NanoGPT has no video with the request ID "${RUN_ID}": Run not found`);
	});

	test('a NanoGPT error (400) is reported in its words, without the API key', async () => {
		server.on('GET', '/generate-video/content', { status: 400, json: { error: { message: `Model must be sora-2 (key ${VALID_KEY})` } } });
		const result = await getContent();
		expect(result.error?.message).toContain('Model must be sora-2');
		expect(JSON.stringify({ message: result.error?.message, description: result.error?.description })).not.toContain(VALID_KEY);
	});

	test('with Continue On Fail each item is answered in order, a failure as an error item paired with its input', async () => {
		server.on('GET', '/generate-video/content', (request) =>
			request.query.runId === 'vid_bad' ? { status: 404, json: { error: 'Run not found' } } : { headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES },
		);
		const result = await getContent(
			{ runId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ json: { id: RUN_ID } }, { json: { id: 'vid_bad' } }, { json: { id: 'vid_third' } }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.runId).toBe(RUN_ID);
		expect(result.items[1].json.error).toBe('NanoGPT has no video with the request ID "vid_bad": Run not found');
		expect(result.items[2].json.runId).toBe('vid_third');
		expect(Buffer.from(result.items[2].binary!.data.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});
});
