'use strict';
// examples/account-usage.json: Account > Get Usage by model, one item per model.
const assert = require('node:assert/strict');

module.exports = {
	check({ server, outputOf, validKey }) {
		const requests = server.requestsTo('GET', '/v1/usage');
		assert.equal(requests.length, 1);
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(requests[0].query, { from: '2026-05-01', to: '2026-05-31', group_by: 'model' });
		const rows = outputOf('Usage by Model');
		assert.deepEqual(
			rows.map((item) => [item.json.model, item.json.netCostUsd, item.json.from, item.json.to]),
			[
				['GPT-5.2', 0.4, '2026-05-01', '2026-05-31'],
				['DeepSeek V3.2', 0.1, '2026-05-01', '2026-05-31'],
			],
		);
	},
};
