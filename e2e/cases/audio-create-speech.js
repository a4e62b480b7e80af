'use strict';
// examples/audio-create-speech.json: Edit Fields -> NanoGPT Audio > Create Speech; the MP3 lands in the binary field "audio".
const assert = require('node:assert/strict');

const { apiErrorScenario } = require('../apiErrorScenario');

const { MP3_BYTES } = require('../fakeNanoGptServer');

const TEXT = 'Good morning! The office is closed on Friday for the team offsite. Have a great weekend.';

function assertMp3(binaryOf, item) {
	const audio = binaryOf(item, 'audio');
	assert.equal(audio.mimeType, 'audio/mpeg');
	assert.equal(audio.fileName, 'speech.mp3');
	assert.equal(audio.bytes.length, MP3_BYTES.length);
	assert.ok(audio.bytes.equals(MP3_BYTES), 'the file holds the audio NanoGPT sent');
}

module.exports = {
	check({ server, outputOf, binaryOf, validKey }) {
		const requests = server.requestsTo('POST', '/v1/audio/speech');
		assert.equal(requests.length, 1, 'one speech request');
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(requests[0].json, {
			model: 'tts-1-hd',
			input: TEXT,
			voice: 'nova',
			response_format: 'mp3',
			speed: 1.1,
			instructions: 'Friendly and upbeat, like a radio host',
		});

		const items = outputOf('Speak Announcement');
		assert.equal(items.length, 1);
		assert.deepEqual(items[0].json, {
			model: 'tts-1-hd',
			voice: 'nova',
			responseFormat: 'mp3',
			mimeType: 'audio/mpeg',
			fileSize: MP3_BYTES.length,
		});
		assertMp3(binaryOf, items[0]);
	},
	scenarios: [
		{
			name: 'a background job (202 with a runId) is polled on /tts/status and its audio downloaded',
			routes: {
				'POST /v1/audio/speech': (request) => ({
					status: 202,
					json: { status: 'pending', runId: 'tts_e2e_1', model: request.json.model, cost: 0.0012, paymentSource: 'USD' },
				}),
			},
			check({ server, outputOf, binaryOf, validKey }) {
				const polls = server.requestsTo('GET', '/tts/status');
				assert.equal(polls.length, 1, 'the fake job is done at the first status check');
				assert.equal(polls[0].headers.authorization, `Bearer ${validKey}`);
				assert.deepEqual(polls[0].query, {
					runId: 'tts_e2e_1',
					model: 'tts-1-hd',
					cost: '0.0012',
					paymentSource: 'USD',
					isApiRequest: 'true',
				});
				const downloads = server.requestsTo('GET', '/files/speech.mp3');
				assert.equal(downloads.length, 1, 'the audio is downloaded once');
				assert.equal(downloads[0].headers.authorization, undefined, 'the API key is not sent to the file host');

				const [item] = outputOf('Speak Announcement');
				assert.equal(item.json.runId, 'tts_e2e_1');
				assert.equal(item.json.status, 'completed');
				assert.equal(item.json.cost, 0.0012);
				assert.match(item.json.audioUrl, /\/files\/speech\.mp3\?expires=/);
				assertMp3(binaryOf, item);
			},
		},
		apiErrorScenario({
			name: "an unknown voice (400) fails the node with NanoGPT's message",
			route: 'POST /v1/audio/speech',
			status: 400,
			error: { message: "Invalid voice 'nova' for model tts-1-hd", type: 'invalid_request_error', code: 'invalid_voice' },
			nodeName: 'Speak Announcement',
			message: /Invalid voice 'nova'/,
		}),
	],
};
