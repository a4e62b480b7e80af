'use strict';
// examples/audio-create-transcription.json: a WAV file (Edit Fields + Convert to File) -> NanoGPT Audio > Create Transcription.
const assert = require('node:assert/strict');

const { apiErrorScenario } = require('../apiErrorScenario');

const { assertSampleUpload } = require('../sampleAudio');

module.exports = {
	check({ server, outputOf, workflow, validKey }) {
		const requests = server.requestsTo('POST', '/v1/audio/transcriptions');
		assert.equal(requests.length, 1, 'one transcription request');
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);
		assertSampleUpload(assert, requests[0], workflow, { model: 'Whisper-Large-V3', language: 'en' });

		const items = outputOf('Transcribe Voice Memo');
		assert.equal(items.length, 1);
		assert.deepEqual(items[0].json, {
			text: 'Hello from the fake transcription. The meeting moves to Friday.',
			language: 'en',
			duration: 3.2,
		});
	},
	scenarios: [
		{
			name: 'a missing binary property fails the node with the properties the item has, and sends nothing',
			expectFailure: true,
			variant(workflow) {
				const transcribe = workflow.nodes.find((node) => node.name === 'Transcribe Voice Memo');
				transcribe.parameters.binaryPropertyName = 'recording';
				return { ...workflow, id: 'nanogptTranscriptionNoBinary', name: `${workflow.name} (wrong binary field)` };
			},
			check({ server, error }) {
				assert.equal(server.requestsTo('POST', '/v1/audio/transcriptions').length, 0, 'nothing is uploaded');
				assert.match(error.message, /The input item has no binary property "recording"/);
				assert.match(`${error.description}`, /Binary properties on this item: "data"/);
				assert.equal(error.node.name, 'Transcribe Voice Memo');
			},
		},
		apiErrorScenario({
			name: "a file NanoGPT refuses as too large (413) fails the node with NanoGPT's message",
			route: 'POST /v1/audio/transcriptions',
			status: 413,
			error: { message: 'File too large. Maximum size is 25MB', type: 'invalid_request_error', code: 'file_too_large' },
			nodeName: 'Transcribe Voice Memo',
			message: /File too large/,
		}),
	],
};
