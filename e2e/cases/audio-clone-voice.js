'use strict';
// examples/audio-clone-voice.json: a WAV file (Edit Fields + Convert to File) -> Audio > Clone Voice (MiniMax, waits for
// the job) -> Audio > Create Speech with the cloned voice ID.
const assert = require('node:assert/strict');

const { MP3_BYTES } = require('../fakeNanoGptServer');

function sampleOf(workflow) {
	const node = workflow.nodes.find((candidate) => candidate.name === 'Sample Recording');
	return Buffer.from(node.parameters.assignments.assignments.find((assignment) => assignment.name === 'audioBase64').value, 'base64');
}

module.exports = {
	check({ server, outputOf, binaryOf, workflow, validKey }) {
		const submissions = server.requestsTo('POST', '/voice-clone/minimax');
		assert.equal(submissions.length, 1, 'the clone is submitted once');
		assert.equal(submissions[0].headers.authorization, `Bearer ${validKey}`);
		assert.match(String(submissions[0].headers['content-type']), /^multipart\/form-data; boundary=/);
		assert.deepEqual(submissions[0].form.fields, {
			customVoiceId: 'NarratorVoice01',
			needNoiseReduction: 'true',
			text: 'Hello! This is my cloned voice.',
		});
		assert.deepEqual(Object.keys(submissions[0].form.files), ['audio']);
		const file = submissions[0].form.files.audio;
		assert.equal(file.fileName, 'my-voice.wav');
		assert.equal(file.contentType, 'audio/wav');
		assert.ok(file.bytes.equals(sampleOf(workflow)), 'the uploaded bytes are the sample WAV file');

		const polls = server.requestsTo('POST', '/voice-clone/minimax/status');
		assert.equal(polls.length, 1);
		assert.deepEqual(polls[0].json, { runId: 'vc_e2e_minimax', cost: 1.5, paymentSource: 'USD', isApiRequest: true });

		const [cloned] = outputOf('Clone Voice');
		assert.deepEqual(cloned.json, {
			voiceId: 'NarratorVoice01',
			provider: 'minimax',
			state: 'completed',
			runId: 'vc_e2e_minimax',
			model: 'minimax-voice-clone',
			cost: 1.5,
			paymentSource: 'USD',
			audioUrls: [`${server.origin}/files/speech.mp3`],
			metadata: { customVoiceId: 'NarratorVoice01', runId: 'vc_e2e_minimax' },
		});

		const speech = server.requestsTo('POST', '/v1/audio/speech');
		assert.equal(speech.length, 1);
		assert.equal(speech[0].json.model, 'Minimax-Speech-02-HD');
		assert.equal(speech[0].json.voice, 'NarratorVoice01', 'Create Speech uses the cloned voice ID');
		const [spoken] = outputOf('Speak with Cloned Voice');
		const audio = binaryOf(spoken, 'audio');
		assert.equal(audio.mimeType, 'audio/mpeg');
		assert.ok(audio.bytes.equals(MP3_BYTES));
	},
	scenarios: [
		{
			name: 'a failed clone fails the node with NanoGPT\'s reason and the run ID; no speech is made',
			expectFailure: true,
			routes: {
				'POST /voice-clone/minimax/status': { json: { status: 'failed', error: 'The recording is too short' } },
			},
			check({ server, error }) {
				assert.equal(server.requestsTo('POST', '/v1/audio/speech').length, 0);
				assert.match(error.message, /NanoGPT could not clone the voice: The recording is too short/);
				assert.match(`${error.description}`, /vc_e2e_minimax/);
				assert.equal(error.node.name, 'Clone Voice');
			},
		},
	],
};
