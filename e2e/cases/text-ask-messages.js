'use strict';
// examples/text-ask-messages.json: a conversation (system, user, assistant, user from an expression).
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf }) {
		const requests = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(requests.length, 1, 'one chat request');
		assert.deepEqual(requests[0].json, {
			model: 'openai/gpt-4o-mini',
			messages: [
				{ role: 'system', content: 'You are a friendly support agent for an online shop. Keep replies under 80 words.' },
				{ role: 'user', content: 'Where is my order #1001?' },
				{ role: 'assistant', content: 'Your order #1001 shipped yesterday and arrives on Monday.' },
				{ role: 'user', content: 'My invoice for October was charged twice. Can you refund one of the payments?' },
			],
		});
		const items = outputOf('Draft Reply');
		assert.equal(items.length, 1);
		assert.equal(items[0].json.text, 'Fake answer to: My invoice for October was charged twice. Can you refund one of the payments?');
	},
};
