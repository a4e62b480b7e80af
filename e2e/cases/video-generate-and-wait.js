'use strict';
// examples/video-generate-and-wait.json: Video > Generate with Wait for Completion: submit, poll the status, download the MP4.
const assert = require('node:assert/strict');

const { MP4_BYTES } = require('../fakeNanoGptServer');

const SCENE = 'A paper boat drifting down a rain-soaked city street at dusk, neon reflections, slow dolly shot';

/** The status of the finished job; the video link points back at the server that answers. */
function completedStatus(origin) {
	return {
		json: {
			requestId: 'vid_e2e_1',
			data: {
				status: 'COMPLETED',
				requestId: 'vid_e2e_1',
				output: { video: { url: `${origin}/files/video.mp4?expires=1763803600&signature=e2e` } },
				cost: 0.5,
			},
		},
	};
}

function assertStatusPolls(server, validKey, count) {
	const polls = server.requestsTo('GET', '/video/status');
	assert.equal(polls.length, count, `${count} status check(s)`);
	for (const poll of polls) {
		assert.deepEqual(poll.query, { requestId: 'vid_e2e_1' });
		assert.equal(poll.headers.authorization, `Bearer ${validKey}`);
	}
}

function assertMp4(server, binaryOf, item) {
	const downloads = server.requestsTo('GET', '/files/video.mp4');
	assert.equal(downloads.length, 1, 'the video is downloaded once');
	assert.equal(downloads[0].headers.authorization, undefined, 'the API key is not sent to the file host');
	const video = binaryOf(item, 'video');
	assert.equal(video.mimeType, 'video/mp4');
	assert.equal(video.fileName, 'video.mp4');
	assert.equal(video.bytes.length, MP4_BYTES.length);
	assert.ok(video.bytes.equals(MP4_BYTES), 'the file holds the downloaded video');
}

module.exports = {
	check({ server, outputOf, binaryOf, validKey }) {
		const submissions = server.requestsTo('POST', '/generate-video');
		assert.equal(submissions.length, 1, 'the video is submitted once');
		assert.equal(submissions[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(submissions[0].json, {
			model: 'veo3-video',
			prompt: SCENE,
			negative_prompt: 'text overlays, watermarks',
			duration: '8',
			aspect_ratio: '16:9',
			generateAudio: true,
		});
		assertStatusPolls(server, validKey, 1);

		const items = outputOf('Generate Video');
		assert.equal(items.length, 1);
		const { raw, submission, ...json } = items[0].json;
		assert.deepEqual(json, {
			requestId: 'vid_e2e_1',
			model: 'veo3-video',
			status: 'completed',
			done: true,
			videoUrl: `${server.origin}/files/video.mp4?expires=1763803600&signature=e2e`,
			progress: null,
			error: null,
			cost: 0.5,
			paymentSource: 'USD',
			remainingBalance: 129,
		});
		assert.equal(raw.data.status, 'COMPLETED');
		assert.equal(submission.runId, 'vid_e2e_1');
		assert.equal(submission.status, 'pending');
		assertMp4(server, binaryOf, items[0]);
	},
	scenarios: [
		{
			name: 'a 503 from the status check is retried at the next poll, then the video is downloaded',
			routes: {
				'GET /video/status': (() => {
					let calls = 0;
					return (request) =>
						++calls === 1
							? { status: 503, json: { error: { message: 'Service temporarily unavailable', type: 'server_error' } } }
							: completedStatus(`http://${request.headers.host}`);
				})(),
			},
			check({ server, outputOf, binaryOf, validKey }) {
				assert.equal(server.requestsTo('POST', '/generate-video').length, 1, 'the video is not submitted again');
				assertStatusPolls(server, validKey, 2);
				const [item] = outputOf('Generate Video');
				assert.equal(item.json.status, 'completed');
				assertMp4(server, binaryOf, item);
			},
		},
		{
			name: 'a failed generation fails the node with NanoGPT\'s reason and downloads nothing',
			expectFailure: true,
			routes: {
				'GET /video/status': {
					json: {
						requestId: 'vid_e2e_1',
						data: {
							status: 'FAILED',
							requestId: 'vid_e2e_1',
							error: 'content_policy_violation',
							userFriendlyError: 'The prompt was flagged by the content filter. You have not been charged.',
						},
					},
				},
			},
			check({ server, error, validKey }) {
				assertStatusPolls(server, validKey, 1);
				assert.equal(server.requestsTo('GET', '/files/video.mp4').length, 0, 'nothing is downloaded');
				assert.match(error.message, /The video generation failed: The prompt was flagged by the content filter/);
				assert.match(`${error.description}`, /vid_e2e_1/);
				assert.equal(error.node.name, 'Generate Video');
			},
		},
	],
};
