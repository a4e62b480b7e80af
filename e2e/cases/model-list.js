'use strict';
// examples/model-list.json: Model > List of the text catalogue, searched for "gpt", cheapest first, at most 10.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf }) {
		const requests = server.requestsTo('GET', '/v1/models');
		assert.equal(requests.length, 1, 'one catalogue request');
		assert.deepEqual(requests[0].query, { detailed: 'true' });

		const items = outputOf('List Text Models');
		assert.deepEqual(
			items.map((item) => item.json.id),
			['openai/gpt-4o-mini', 'openai/gpt-3.5-turbo-instruct', 'openai/gpt-4o', 'openai/gpt-oss-preview'],
			'models matching "gpt", cheapest first, unpriced last (Claude left out)',
		);
		assert.deepEqual(items[0].json, {
			id: 'openai/gpt-4o-mini',
			name: 'GPT-4o mini',
			description: null,
			kind: 'text',
			lowestPrice: 0.15,
			priceLabel: '$0.15 / $0.6 per 1M tokens',
			pricing: { prompt: 0.15, completion: 0.6, currency: 'USD', unit: 'per_million_tokens' },
			capabilities: null,
			object: 'model',
			owned_by: 'openai',
			context_length: 128000,
		});
		assert.deepEqual(items[2].json.capabilities, { vision: true, tool_calling: true, structured_output: true });
		assert.equal(items[3].json.lowestPrice, null);
		assert.equal(items[3].json.priceLabel, null);
	},
};
