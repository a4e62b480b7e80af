'use strict';
// examples/text-ask-json-schema.json: structured output; the answer is parsed into `json`.
const assert = require('node:assert/strict');

const ANSWER = { category: 'refund', orderNumber: '4711', customerName: 'Dana' };

module.exports = {
	routes: {
		'POST /v1/chat/completions': (request) => ({
			json: {
				id: 'chatcmpl-e2e-schema',
				object: 'chat.completion',
				model: request.json.model,
				choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(ANSWER) }, finish_reason: 'stop' }],
				usage: { prompt_tokens: 80, completion_tokens: 20, total_tokens: 100 },
				x_nanogpt_pricing: { cost: 0.0001, currency: 'USD', paymentSource: 'USD' },
			},
		}),
	},
	check({ server, outputOf }) {
		const requests = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(requests.length, 1, 'one chat request');
		const body = requests[0].json;
		assert.equal(body.messages[1].content, 'Hi, the blender I bought last week (order 4711) stopped working. I want my money back. - Dana');
		assert.equal(body.response_format.type, 'json_schema');
		assert.equal(body.response_format.json_schema.name, 'customer_email');
		assert.equal(body.response_format.json_schema.strict, true);
		assert.deepEqual(body.response_format.json_schema.schema.required, ['category', 'orderNumber', 'customerName']);
		assert.deepEqual(body.response_format.json_schema.schema.properties.category.enum, ['refund', 'question', 'complaint', 'other']);

		const items = outputOf('Classify Email');
		assert.equal(items.length, 1);
		assert.deepEqual(items[0].json.json, ANSWER);
		assert.equal(items[0].json.cost, 0.0001);
	},
};
