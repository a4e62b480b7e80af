'use strict';
// examples/text-create-response.json: Text > Create Response, then a follow-up threaded by previous_response_id.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf }) {
		const requests = server.requestsTo('POST', '/v1/responses');
		assert.equal(requests.length, 2);
		assert.deepEqual(requests[0].json, {
			model: 'openai/gpt-5.2',
			instructions: 'Answer briefly.',
			input: 'Suggest a name for a cat.',
			store: true,
			max_output_tokens: 200,
		});
		assert.deepEqual(requests[1].json, {
			model: 'openai/gpt-5.2',
			input: 'And one for a dog?',
			store: true,
			previous_response_id: 'resp_e2e_1',
		});
		const first = outputOf('First Turn');
		assert.deepEqual(first[0].json, {
			text: 'Fake response to: Suggest a name for a cat.',
			id: 'resp_e2e_1',
			status: 'completed',
			model: 'openai/gpt-5.2',
			usage: { input_tokens: 9, output_tokens: 6, total_tokens: 15 },
			cost: 0.000042,
			currency: 'USD',
			paymentSource: 'USD',
		});
		assert.equal(outputOf('Follow-up')[0].json.id, 'resp_e2e_2');
	},
};
