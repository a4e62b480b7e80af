'use strict';
// examples/text-message-anthropic.json: Text > Message (Anthropic format) with a cached system prompt and thinking.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf, validKey }) {
		const requests = server.requestsTo('POST', '/v1/messages');
		assert.equal(requests.length, 1);
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(requests[0].json, {
			model: 'anthropic/claude-sonnet-4.5',
			system: [{ type: 'text', text: 'You answer in French.', cache_control: { type: 'ephemeral' } }],
			messages: [{ role: 'user', content: 'Say hello.' }],
			max_tokens: 4096,
			thinking: { type: 'enabled', budget_tokens: 2048 },
		});
		assert.deepEqual(outputOf('Ask Claude')[0].json, {
			text: 'Fake message answer to: Say hello.',
			finishReason: 'end_turn',
			model: 'anthropic/claude-sonnet-4.5',
			usage: { input_tokens: 11, output_tokens: 7 },
			cost: 0.000042,
			currency: 'USD',
			paymentSource: 'USD',
			id: 'msg_e2e_1',
		});
	},
};
