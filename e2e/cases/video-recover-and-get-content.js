'use strict';
// examples/video-recover-and-get-content.json: Video > Recover Recent Runs (one item per run) -> Filter completed ->
// Video > Get Content (the Sora 2 video and its thumbnail as binary files).
const assert = require('node:assert/strict');

const { MP4_BYTES } = require('../fakeNanoGptServer');
const { WEBP_BYTES } = require('../fakeMediaRoutes');

module.exports = {
	check({ server, outputOf, binaryOf, validKey }) {
		const recoveries = server.requestsTo('GET', '/generate-video/recover');
		assert.equal(recoveries.length, 1);
		assert.equal(recoveries[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(recoveries[0].query, { model: 'sora-2', limit: '5' });

		const runs = outputOf('Recover Recent Runs');
		assert.deepEqual(
			runs.map((item) => [item.json.requestId, item.json.model, item.json.status, item.json.done]),
			[
				['vid_e2e_1', 'sora-2', 'completed', true],
				['vid_e2e_2', 'veo3-video', 'in_progress', false],
			],
		);

		const contents = server.requestsTo('GET', '/generate-video/content');
		assert.deepEqual(
			contents.map((request) => request.query).sort((a, b) => a.variant.localeCompare(b.variant)),
			[
				{ runId: 'vid_e2e_1', model: 'sora-2', variant: 'thumbnail' },
				{ runId: 'vid_e2e_1', model: 'sora-2', variant: 'video' },
			],
		);
		for (const request of contents) assert.equal(request.headers.authorization, `Bearer ${validKey}`);

		const [videoItem] = outputOf('Get Video');
		assert.deepEqual(videoItem.json, {
			runId: 'vid_e2e_1',
			model: 'sora-2',
			variant: 'video',
			mimeType: 'video/mp4',
			fileName: 'vid_e2e_1.mp4',
			fileSize: MP4_BYTES.length,
		});
		const video = binaryOf(videoItem, 'video');
		assert.equal(video.mimeType, 'video/mp4');
		assert.equal(video.fileName, 'vid_e2e_1.mp4');
		assert.ok(video.bytes.equals(MP4_BYTES), 'the video holds the bytes NanoGPT sent');

		const [thumbnailItem] = outputOf('Get Thumbnail');
		const thumbnail = binaryOf(thumbnailItem, 'thumbnail');
		assert.equal(thumbnail.mimeType, 'image/webp');
		assert.equal(thumbnail.fileName, 'vid_e2e_1-thumbnail.webp');
		assert.ok(thumbnail.bytes.equals(WEBP_BYTES), 'the thumbnail holds the bytes NanoGPT sent');
	},
	scenarios: [
		{
			name: 'an unknown run fails Get Content with a message naming the run ID',
			expectFailure: true,
			routes: {
				'GET /generate-video/content': { status: 404, json: { error: 'Run not found' } },
			},
			check({ error }) {
				assert.match(error.message, /NanoGPT has no video with the request ID "vid_e2e_1": Run not found/);
			},
		},
	],
};
