'use strict';
// examples/account-balance.json: Account > Get Balance, then an If node that flags a low balance.
const assert = require('node:assert/strict');

const { resultDataOf } = require('../runData');

/** The items of each output of a node's last run (for the If node: [true branch, false branch]). */
function outputsOf(run, nodeName) {
	const runs = resultDataOf(run).runData[nodeName];
	assert.ok(runs && runs.length, `Node "${nodeName}" ran`);
	return runs[runs.length - 1].data.main.map((items) => items || []);
}

module.exports = {
	check({ server, outputOf, run, validKey }) {
		const requests = server.requestsTo('POST', '/check-balance');
		assert.equal(requests.length, 1, 'one balance request');
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);

		const items = outputOf('Get Balance');
		assert.equal(items.length, 1);
		assert.deepEqual(items[0].json, {
			usdBalance: 129.46956147,
			nanoBalance: 26.71801147,
			nanoDepositAddress: 'nano_1e2etest',
			usd_balance: '129.46956147',
			nano_balance: '26.71801147',
		});
		const [low, enough] = outputsOf(run, 'Balance Below $5?');
		assert.equal(low.length, 0, 'a balance of $129 is not low');
		assert.equal(enough.length, 1);
	},
	scenarios: [
		{
			name: 'a balance of $3.20 takes the "below $5" branch',
			routes: {
				'POST /check-balance': { json: { usd_balance: '3.20000000', nano_balance: '0', nanoDepositAddress: 'nano_1e2etest' } },
			},
			check({ run }) {
				const [low, enough] = outputsOf(run, 'Balance Below $5?');
				assert.equal(enough.length, 0);
				assert.equal(low.length, 1);
				assert.equal(low[0].json.usdBalance, 3.2);
				assert.equal(low[0].json.nanoBalance, 0);
			},
		},
	],
};
