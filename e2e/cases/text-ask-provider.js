'use strict';
// examples/text-ask-provider.json: Model > Get Providers -> Text > Ask with provider routing and the new generation controls.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf }) {
		const lookups = server.requestsTo('GET', '/models/deepseek%2Fdeepseek-v3.2/providers');
		assert.equal(lookups.length, 1, 'one provider lookup');
		const providers = outputOf('Get Providers');
		assert.equal(providers.length, 1);
		assert.deepEqual(providers[0].json.availableProviders, ['deepinfra']);
		assert.equal(providers[0].json.providers[0].outputPerMillionTokens, 1);

		const requests = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(requests.length, 1, 'one chat request');
		assert.deepEqual(requests[0].json, {
			model: 'deepseek/deepseek-v3.2',
			messages: [{ role: 'user', content: 'Name three uses of a workflow tool.' }],
			provider: { order: ['deepinfra'], allow_fallbacks: false, max_price: { completion: 2 } },
			service_tier: 'flex',
			billing_mode: 'paygo',
			no_repeat_ngram_size: 3,
			stop_token_ids: [128001],
			max_tokens: 300,
		});
		const answer = outputOf('Ask Cheapest Provider');
		assert.equal(answer.length, 1);
		assert.match(answer[0].json.text, /^Fake answer to: Name three uses/);
	},
	scenarios: [
		{
			name: 'Provider together with provider routing options fails with advice, nothing is sent',
			expectFailure: true,
			variant(workflow) {
				const ask = workflow.nodes.find((node) => node.name === 'Ask Cheapest Provider');
				ask.parameters.options.provider = 'deepinfra';
				return { ...workflow, id: 'nanogptAskProviderConflict', name: `${workflow.name} (conflicting provider options)` };
			},
			check({ server, error }) {
				assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 0);
				assert.match(error.message, /The option "Provider" cannot be combined with the other provider options/);
				assert.equal(error.node.name, 'Ask Cheapest Provider');
			},
		},
	],
};
