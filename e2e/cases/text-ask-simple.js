'use strict';
// examples/text-ask-simple.json: Edit Fields -> NanoGPT Text > Ask (simple prompt with an expression).
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf, validKey }) {
		const [request] = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 1, 'one chat request');
		assert.equal(request.headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(request.json, {
			model: 'openai/gpt-4o-mini',
			messages: [
				{ role: 'system', content: 'You are a concise assistant. Answer in one sentence.' },
				{
					role: 'user',
					content:
						'Summarize this text: n8n is a workflow automation tool. NanoGPT gives one API key access to hundreds of AI models, paid per request. This community node connects the two.',
				},
			],
			temperature: 0.2,
			max_tokens: 200,
		});

		const items = outputOf('Summarize');
		assert.equal(items.length, 1);
		assert.match(items[0].json.text, /^Fake answer to: Summarize this text: n8n is a workflow automation tool\./);
		assert.equal(items[0].json.finishReason, 'stop');
		assert.equal(items[0].json.model, 'openai/gpt-4o-mini');
		assert.equal(items[0].json.cost, 0.000042);
		assert.deepEqual(items[0].json.usage, { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 });
	},
};
