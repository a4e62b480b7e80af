'use strict';
// examples/text-compress-memory.json: Edit Fields (a conversation) -> Text > Compress Memory from JSON, 7 days.
const assert = require('node:assert/strict');

const HISTORY = [
	{ role: 'system', content: 'You are a travel assistant.' },
	{ role: 'user', content: 'I plan a trip to Lisbon in May.' },
	{ role: 'assistant', content: 'Great choice! What would you like to know?' },
	{ role: 'user', content: 'Which museums should I visit?' },
];

module.exports = {
	check({ server, outputOf, validKey }) {
		const [request] = server.requestsTo('POST', '/v1/memory');
		assert.equal(server.requestsTo('POST', '/v1/memory').length, 1);
		assert.equal(request.headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(request.json, { messages: HISTORY, expiration_days: 7 });
		assert.deepEqual(outputOf('Compress Memory').map((item) => item.json), [
			{
				messages: [{ role: 'system', content: 'Summary of 3 earlier messages.' }, HISTORY[3]],
				messageCount: 2,
				usage: { prompt_tokens: 200, completion_tokens: 12, total_tokens: 212 },
			},
		]);
	},
};
