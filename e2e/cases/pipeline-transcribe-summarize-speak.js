'use strict';
// examples/pipeline-transcribe-summarize-speak.json: WAV file -> Create Transcription -> Ask (summary) -> Create Speech.
const assert = require('node:assert/strict');

const { MP3_BYTES } = require('../fakeNanoGptServer');
const { assertSampleUpload } = require('../sampleAudio');

const TRANSCRIPT =
	'Hi team, quick update from the warehouse. The new shelving arrives Tuesday, so the inventory count moves to Thursday. Please block two hours that afternoon.';
const SUMMARY = 'The new shelving arrives on Tuesday. The inventory count moves to Thursday afternoon, so block two hours.';

module.exports = {
	routes: {
		'POST /v1/audio/transcriptions': { json: { text: TRANSCRIPT, language: 'en', duration: 11.4 } },
		'POST /v1/chat/completions': (request) => ({
			json: {
				id: 'chatcmpl-e2e-summary',
				object: 'chat.completion',
				model: request.json.model,
				choices: [{ index: 0, message: { role: 'assistant', content: SUMMARY }, finish_reason: 'stop' }],
				usage: { prompt_tokens: 64, completion_tokens: 24, total_tokens: 88 },
				x_nanogpt_pricing: { cost: 0.00003, currency: 'USD', paymentSource: 'USD' },
			},
		}),
	},
	check({ server, outputOf, binaryOf, workflow }) {
		assert.deepEqual(
			server.requests.map((request) => `${request.method} ${request.path}`),
			['POST /v1/audio/transcriptions', 'POST /v1/chat/completions', 'POST /v1/audio/speech'],
			'transcribe, then summarize, then speak',
		);
		const [transcription] = server.requestsTo('POST', '/v1/audio/transcriptions');
		assertSampleUpload(assert, transcription, workflow, { model: 'Whisper-Large-V3' });
		assert.deepEqual(outputOf('Transcribe Memo')[0].json, { text: TRANSCRIPT, language: 'en', duration: 11.4 });

		const [chat] = server.requestsTo('POST', '/v1/chat/completions');
		assert.deepEqual(chat.json, {
			model: 'openai/gpt-4o-mini',
			messages: [
				{
					role: 'system',
					content: 'You turn voice memos into a two-sentence summary that can be read aloud. Plain text, no lists.',
				},
				{ role: 'user', content: `Summarize this voice memo:\n\n${TRANSCRIPT}` },
			],
			temperature: 0.3,
			max_tokens: 150,
		});
		assert.equal(outputOf('Summarize Memo')[0].json.text, SUMMARY);

		const [speech] = server.requestsTo('POST', '/v1/audio/speech');
		assert.deepEqual(speech.json, { model: 'Kokoro-82m', input: SUMMARY, voice: 'af_bella', response_format: 'mp3' });

		const items = outputOf('Speak Summary');
		assert.equal(items.length, 1);
		assert.equal(items[0].json.fileSize, MP3_BYTES.length);
		const audio = binaryOf(items[0], 'data');
		assert.equal(audio.mimeType, 'audio/mpeg');
		assert.equal(audio.fileName, 'speech.mp3');
		assert.ok(audio.bytes.equals(MP3_BYTES), 'the final file is the spoken summary');
	},
};
