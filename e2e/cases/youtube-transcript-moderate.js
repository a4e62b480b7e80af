'use strict';
// examples/youtube-transcript-moderate.json: YouTube > Get Transcript (two videos, one request) -> Text > Moderate each transcript.
const assert = require('node:assert/strict');

const VIDEOS = ['https://www.youtube.com/watch?v=abc123', 'https://youtu.be/def456'];

module.exports = {
	check({ server, outputOf, validKey }) {
		const [request] = server.requestsTo('POST', '/youtube-transcribe');
		assert.equal(server.requestsTo('POST', '/youtube-transcribe').length, 1, 'both videos in one request');
		assert.equal(request.headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(request.json, { urls: VIDEOS });
		const transcripts = outputOf('Get Transcripts');
		assert.deepEqual(
			transcripts.map((item) => [item.json.url, item.json.success, item.json.title, item.json.transcript]),
			[
				[VIDEOS[0], true, 'Video abc123', 'Welcome to video abc123. Today we build a workflow.'],
				[VIDEOS[1], true, 'Video def456', 'Welcome to video def456. Today we build a workflow.'],
			],
		);

		const moderations = server.requestsTo('POST', '/v1/moderations');
		assert.deepEqual(
			moderations.map((entry) => entry.json),
			transcripts.map((item) => ({ input: item.json.transcript })),
			'the transcript as a string, no model (NanoGPT default)',
		);
		const results = outputOf('Moderate Transcript');
		assert.deepEqual(results.map((item) => [item.json.flagged, item.json.flaggedCategories, item.json.model]), [
			[false, [], 'omni-moderation-latest'],
			[false, [], 'omni-moderation-latest'],
		]);
	},
	scenarios: [
		{
			name: 'a video without a transcript is its own item; moderating its empty transcript fails that item with a clear message',
			expectFailure: true,
			routes: {
				'POST /youtube-transcribe': {
					json: {
						transcripts: [
							{ url: VIDEOS[0], success: true, title: 'Video abc123', transcript: 'I hate Mondays.' },
							{ url: VIDEOS[1], success: false, error: 'Transcript not available for this video' },
						],
						summary: { requested: 2, processed: 2, successful: 1, failed: 1, totalCost: 0.01 },
					},
				},
			},
			check({ server, outputOf, error }) {
				assert.deepEqual(outputOf('Get Transcripts').map((item) => [item.json.success, item.json.error]), [
					[true, undefined],
					[false, 'Transcript not available for this video'],
				]);
				assert.match(error.message, /Nothing to check: "Text to Check" is empty/);
				assert.equal(server.requestsTo('POST', '/v1/moderations').length, 1, 'the first transcript was moderated, the empty one never sent');
			},
		},
	],
};
