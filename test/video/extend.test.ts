import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';
import { MP4_BYTES, RUN_ID, extendParameters, flatStatus, nestedStatus, submitted } from './videoFixtures';

const server = useFakeNanoGpt();

const EXTENDED_ID = 'vid_ext789xyz';

function extended() {
	return submitted({ runId: EXTENDED_ID, id: EXTENDED_ID, model: 'midjourney-video', cost: 0.5 });
}

function videoUrl() {
	return `${server.baseUrl.replace(/\/api$/, '')}/files/extended.mp4?sig=abc`;
}

async function extend(extra: Parameters<typeof extendParameters>[0] = {}, options: { continueOnFail?: boolean; items?: Parameters<typeof runNode>[1]['items'] } = {}) {
	return await runNode(extendParameters(extra), { baseUrl: server.baseUrl, ...options });
}

describe('Video > Extend', () => {
	test('sends {taskId, index} (index a number), valid against VideoExtendRequest, and returns the ticket without waiting', async () => {
		server.on('POST', '/generate-video/extend', extended());
		const result = await extend({ waitForCompletion: false });
		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('POST', '/generate-video/extend');
		expect(requests).toHaveLength(1);
		expect(requests[0].json).toEqual({ taskId: RUN_ID, index: 2 });
		expect(openApiErrors('VideoExtendRequest', requests[0].json)).toEqual([]);
		expect(result.items.map((item) => item.json)).toEqual([{ requestId: EXTENDED_ID, ...extended().json }]);
		expect(server.requestsTo('GET', '/video/status')).toHaveLength(0);
	});

	test('index 0 and a run ID with spaces: sent as 0 and trimmed', async () => {
		server.on('POST', '/generate-video/extend', extended());
		await extend({ waitForCompletion: false, runId: ` ${RUN_ID} `, videoIndex: 0 });
		expect(server.lastRequest().json).toEqual({ taskId: RUN_ID, index: 0 });
	});

	test('an index given as text by expression is sent as a number', async () => {
		server.on('POST', '/generate-video/extend', extended());
		await extend({ waitForCompletion: false, videoIndex: '={{ "3" }}' });
		expect(server.lastRequest().json).toEqual({ taskId: RUN_ID, index: 3 });
	});

	test('waits for the extended video (polling its own ID) and downloads it byte-exact', async () => {
		server.on('POST', '/generate-video/extend', extended());
		server.queue(
			'GET',
			'/video/status',
			nestedStatus('IN_PROGRESS', { requestId: EXTENDED_ID }),
			{ json: { requestId: EXTENDED_ID, model: 'midjourney-video', data: { status: 'COMPLETED', output: { video: { url: videoUrl() } } } } },
		);
		server.on('GET', '/files/extended.mp4', { headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES });
		const result = await extend();
		expect(result.error).toBeUndefined();
		const statusRequests = server.requestsTo('GET', '/video/status');
		expect(statusRequests).toHaveLength(2);
		for (const request of statusRequests) expect(request.query).toEqual({ requestId: EXTENDED_ID });
		expect(result.items[0].json).toMatchObject({
			requestId: EXTENDED_ID,
			model: 'midjourney-video',
			status: 'completed',
			videoUrl: videoUrl(),
			cost: 0.5,
			paymentSource: 'USD',
			submission: extended().json,
		});
		expect(result.items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: 'extended.mp4' });
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});

	test('Download Video off: the completed status without a file', async () => {
		server.on('POST', '/generate-video/extend', extended());
		server.on('GET', '/video/status', flatStatus('completed', { requestId: EXTENDED_ID, videoUrl: videoUrl() }));
		const result = await extend({ downloadVideo: false });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ requestId: EXTENDED_ID, status: 'completed' });
		expect(result.items[0].binary).toBeUndefined();
		expect(server.requestsTo('GET', '/files/extended.mp4')).toHaveLength(0);
	});

	test.each([
		[{ videoIndex: 4 }, 'The parameter "Video Index" must be at least 0 and at most 3'],
		[{ videoIndex: -1 }, 'The parameter "Video Index" must be at least 0 and at most 3'],
		[{ videoIndex: 1.5 }, 'The parameter "Video Index" must be a whole number'],
		[{ videoIndex: '={{ "two" }}' }, 'The parameter "Video Index" must be a number'],
		[{ runId: '  ' }, 'The parameter "Run ID" is empty'],
		[{ pollInterval: 0 }, 'The parameter "Check Every (Seconds)" must be at least 0.01'],
	])('%j is refused before anything is sent (nothing paid)', async (extra, message) => {
		server.on('POST', '/generate-video/extend', extended());
		const result = await extend(extra);
		expect(result.error?.message).toContain(message);
		expect(server.requestsTo('POST', '/generate-video/extend')).toHaveLength(0);
	});

	test('a NanoGPT error (400, not a Midjourney run) is reported in its words', async () => {
		server.on('POST', '/generate-video/extend', { status: 400, json: { error: 'Only Midjourney videos can be extended' } });
		const result = await extend();
		expect(result.error?.message).toContain('Only Midjourney videos can be extended');
		expect(server.requestsTo('GET', '/video/status')).toHaveLength(0);
	});

	test('a failed extension is an error naming the job; with Continue On Fail an error item paired with its input', async () => {
		server.on('POST', '/generate-video/extend', extended());
		server.on('GET', '/video/status', flatStatus('failed', { requestId: EXTENDED_ID, error: 'Provider error' }));
		const result = await extend({}, { continueOnFail: true, items: [{ json: { n: 1 } }] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('The video generation failed: Provider error');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('an answer without a run ID is a clear error', async () => {
		server.on('POST', '/generate-video/extend', { status: 202, json: { status: 'pending', model: 'midjourney-video' } });
		const result = await extend();
		expect(result.error?.message).toBe('NanoGPT accepted the video request but returned no request ID');
	});
});
