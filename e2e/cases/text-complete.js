'use strict';
// examples/text-complete.json: Text > Complete with the legacy completions endpoint.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf }) {
		const requests = server.requestsTo('POST', '/v1/completions');
		assert.equal(requests.length, 1, 'one completion request');
		assert.deepEqual(requests[0].json, {
			model: 'openai/gpt-3.5-turbo-instruct',
			prompt: 'Once upon a time, in a workflow far away,',
			max_tokens: 60,
			temperature: 0.7,
		});
		const items = outputOf('Continue Story');
		assert.equal(items.length, 1);
		assert.equal(items[0].json.text, ' and they lived happily ever after.');
		assert.equal(items[0].json.finishReason, 'stop');
		assert.equal(items[0].json.usage.total_tokens, 12);
	},
};
