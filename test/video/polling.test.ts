import { runNode } from '../helpers/engine';
import { useFakeNanoGpt } from '../helpers/server';
import { MP4_BYTES, RUN_ID, flatStatus, generateParameters, nestedStatus, submitted } from './videoFixtures';

const server = useFakeNanoGpt();

function videoUrl(name = 'clip.mp4') {
	return `${server.baseUrl.replace(/\/api$/, '')}/files/${name}?sig=abc`;
}

function serveVideo(name = 'clip.mp4', contentType = 'video/mp4', bytes = MP4_BYTES) {
	server.on('GET', `/files/${name}`, { headers: { 'content-type': contentType }, body: bytes });
}

async function generate(extra: Parameters<typeof generateParameters>[0] = {}, options: { continueOnFail?: boolean } = {}) {
	return await runNode(generateParameters(extra), { baseUrl: server.baseUrl, ...options });
}

describe('Video > Generate waits for the video', () => {
	test('nested shape: IN_QUEUE -> IN_PROGRESS -> COMPLETED, then the video is downloaded', async () => {
		server.on('POST', '/generate-video', submitted());
		server.queue(
			'GET',
			'/video/status',
			nestedStatus('IN_QUEUE'),
			nestedStatus('IN_PROGRESS'),
			nestedStatus('COMPLETED', { output: { video: { url: videoUrl() } }, cost: 1.2 }),
		);
		serveVideo();
		const result = await generate();
		expect(result.error).toBeUndefined();
		const statusRequests = server.requestsTo('GET', '/video/status');
		expect(statusRequests).toHaveLength(3);
		for (const request of statusRequests) expect(request.query).toEqual({ requestId: RUN_ID });
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);

		expect(result.items).toHaveLength(1);
		const { json, binary } = result.items[0];
		expect(json).toMatchObject({
			requestId: RUN_ID,
			model: 'veo3-video',
			status: 'completed',
			done: true,
			videoUrl: videoUrl(),
			error: null,
			cost: 1.2,
			paymentSource: 'USD',
			remainingBalance: 48.8,
		});
		expect(json.submission).toEqual(submitted().json);
		expect(json.raw).toEqual(nestedStatus('COMPLETED', { output: { video: { url: videoUrl() } }, cost: 1.2 }).json);
		expect(binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: 'clip.mp4', fileExtension: 'mp4' });
		expect(Buffer.from(binary!.data.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});

	test('the download does not carry the API key', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', nestedStatus('COMPLETED', { output: { video: { url: videoUrl() } } }));
		serveVideo();
		await generate();
		const [download] = server.requestsTo('GET', '/files/clip.mp4');
		expect(download.headers.authorization).toBeUndefined();
		expect(download.headers['x-api-key']).toBeUndefined();
		const [statusCheck] = server.requestsTo('GET', '/video/status');
		expect(statusCheck.headers['x-api-key']).toBeDefined();
	});

	test('flat shape: queued -> processing -> completed, without download', async () => {
		server.on('POST', '/generate-video', submitted());
		server.queue(
			'GET',
			'/video/status',
			flatStatus('queued'),
			flatStatus('processing', { progress: 40 }),
			flatStatus('completed', { progress: 100, videoUrl: videoUrl(), completedAt: '2026-11-22T10:02:00.000Z' }),
		);
		const result = await generate({ downloadVideo: false });
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('GET', '/video/status')).toHaveLength(3);
		expect(server.requestsTo('GET', '/files/clip.mp4')).toHaveLength(0);
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ status: 'completed', done: true, videoUrl: videoUrl(), progress: 100 });
	});

	test('the video goes to the chosen binary field; an octet-stream answer is recognised as MP4', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', flatStatus('completed', { videoUrl: videoUrl('vid_m1abc123def456') }));
		serveVideo('vid_m1abc123def456', 'application/octet-stream');
		const result = await generate({ outputBinaryPropertyName: 'video' });
		expect(result.error).toBeUndefined();
		const file = result.items[0].binary?.video;
		expect(file).toMatchObject({ mimeType: 'video/mp4', fileName: 'vid_m1abc123def456.mp4', fileExtension: 'mp4' });
		expect(Buffer.from(file!.data, 'base64').equals(MP4_BYTES)).toBe(true);
	});

	test('a passing server error of a status check is waited out', async () => {
		server.on('POST', '/generate-video', submitted());
		server.queue(
			'GET',
			'/video/status',
			nestedStatus('IN_QUEUE'),
			{ status: 503, json: { error: { message: 'Service temporarily unavailable' } } },
			nestedStatus('COMPLETED', { output: { video: { url: videoUrl() } } }),
		);
		const result = await generate({ downloadVideo: false });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.status).toBe('completed');
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});
});

describe('Video > Generate ends with NanoGPT words when the job does not succeed', () => {
	test('FAILED (nested) shows the user-friendly error and is not submitted again', async () => {
		server.on('POST', '/generate-video', submitted());
		server.queue(
			'GET',
			'/video/status',
			nestedStatus('IN_PROGRESS'),
			nestedStatus('FAILED', {
				error: 'provider_error: 422 nsfw',
				isNSFWError: true,
				userFriendlyError: 'Your prompt was flagged by the safety filter. You were not charged.',
			}),
		);
		const result = await generate();
		expect(result.error?.message).toBe(
			'The video generation failed: Your prompt was flagged by the safety filter. You were not charged.',
		);
		expect(result.error?.description).toContain(RUN_ID);
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('cancelled (flat) says so, with the error text', async () => {
		server.on('POST', '/generate-video', submitted());
		server.queue('GET', '/video/status', flatStatus('queued'), flatStatus('cancelled', { error: 'Cancelled by the provider' }));
		const result = await generate();
		expect(result.error?.message).toBe('The video generation was canceled: Cancelled by the provider');
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('CANCELED (nested) without any reason still ends clearly', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', nestedStatus('CANCELED'));
		const result = await generate();
		expect(result.error?.message).toBe('The video generation was canceled: NanoGPT gave no reason');
	});

	test('a failure whose text mentions a timeout does not submit (and bill) the video again', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', nestedStatus('FAILED', { userFriendlyError: 'The provider timed out. Please try again.' }));
		const result = await generate();
		expect(result.error?.message).toBe('The video generation failed: The provider timed out. Please try again.');
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('the maximum wait is exceeded', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', nestedStatus('IN_PROGRESS'));
		const result = await generate({ pollInterval: 0.02, maxWait: 0.05 });
		expect(result.error?.message).toBe(`The video generation ${RUN_ID} did not finish within 0 seconds`);
		expect(result.error?.description).toContain(`Video > Get Status with the ID ${RUN_ID}`);
		expect(result.error?.context?.requestId).toBe(RUN_ID);
		expect(server.requestsTo('GET', '/video/status').length).toBe(3);
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('status checks that keep failing end with the reason, and the video is not submitted again', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', { status: 502, json: { error: { message: 'Bad gateway' } } });
		const result = await generate({ pollInterval: 0.02, maxWait: 0.05 });
		expect(result.error?.message).toBe(`Could not get the status of video ${RUN_ID}`);
		expect(result.error?.description).toContain('HTTP 502: Bad gateway');
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('an unknown request ID (404) is reported in NanoGPT words, naming the ID', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', { status: 404, json: { error: 'Video generation request not found' } });
		const result = await generate();
		expect(result.error?.message).toBe(`NanoGPT has no video with the request ID "${RUN_ID}": Video generation request not found`);
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('an expired download link is a clear error', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', nestedStatus('COMPLETED', { output: { video: { url: videoUrl('gone.mp4') } } }));
		server.on('GET', '/files/gone.mp4', { status: 403, body: 'AccessDenied' });
		const result = await generate();
		expect(result.error?.message).toBe('Could not download the video (HTTP 403)');
		expect(server.requestsTo('POST', '/generate-video')).toHaveLength(1);
	});

	test('with Continue On Fail a failed video becomes an error item paired with its input', async () => {
		server.on('POST', '/generate-video', submitted());
		server.on('GET', '/video/status', flatStatus('failed', { error: 'Content rejected' }));
		const result = await generate({}, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('The video generation failed: Content rejected');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});
