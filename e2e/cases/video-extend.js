'use strict';
// examples/video-extend.json: Video > Extend with Wait for Completion: submit {taskId, index}, poll the new run, download the MP4.
const assert = require('node:assert/strict');

const { MP4_BYTES } = require('../fakeNanoGptServer');

module.exports = {
	check({ server, outputOf, binaryOf, validKey }) {
		const submissions = server.requestsTo('POST', '/generate-video/extend');
		assert.equal(submissions.length, 1, 'the extension is submitted once');
		assert.equal(submissions[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(submissions[0].json, { taskId: 'vid_m1abc123def456', index: 1 });

		const polls = server.requestsTo('GET', '/video/status');
		assert.equal(polls.length, 1, 'one status check');
		assert.deepEqual(polls[0].query, { requestId: 'vid_e2e_ext' });

		const items = outputOf('Extend Video');
		assert.equal(items.length, 1);
		const { raw, submission, ...json } = items[0].json;
		assert.deepEqual(json, {
			requestId: 'vid_e2e_ext',
			model: 'midjourney-video',
			status: 'completed',
			done: true,
			videoUrl: `${server.origin}/files/video.mp4?expires=1763803600&signature=e2e`,
			progress: null,
			error: null,
			cost: 0.3,
			paymentSource: 'USD',
			remainingBalance: 128.7,
		});
		assert.equal(raw.data.status, 'COMPLETED');
		assert.equal(submission.runId, 'vid_e2e_ext');

		const downloads = server.requestsTo('GET', '/files/video.mp4');
		assert.equal(downloads.length, 1, 'the video is downloaded once');
		assert.equal(downloads[0].headers.authorization, undefined, 'the API key is not sent to the file host');
		const video = binaryOf(items[0], 'video');
		assert.equal(video.mimeType, 'video/mp4');
		assert.ok(video.bytes.equals(MP4_BYTES), 'the file holds the downloaded video');
	},
	scenarios: [
		{
			name: 'NanoGPT refuses a run that is not Midjourney: the node fails with its words, nothing is polled',
			expectFailure: true,
			routes: {
				'POST /generate-video/extend': { status: 400, json: { error: 'Only Midjourney videos can be extended' } },
			},
			check({ server, error }) {
				assert.equal(server.requestsTo('GET', '/video/status').length, 0);
				assert.match(error.message, /Only Midjourney videos can be extended/);
				assert.equal(error.node.name, 'Extend Video');
			},
		},
	],
};
