'use strict';
/**
 * A scenario for e2e/cases: NanoGPT answers one route with an error that must not be retried; the execution fails
 * at the named node with NanoGPT's message (and, optionally, further checks such as the node's advice).
 */
const assert = require('node:assert/strict');

function apiErrorScenario({ name, route, status, error, nodeName, message, check }) {
	const [method, path] = route.split(' ');
	return {
		name,
		expectFailure: true,
		routes: { [route]: { status, json: { error } } },
		check(context) {
			const { server, error: failure } = context;
			assert.equal(server.requestsTo(method, path).length, 1, `a ${status} is not retried`);
			assert.match(`${failure.message} ${failure.description}`, message);
			assert.equal(failure.node.name, nodeName);
			if (check) check(context);
		},
	};
}

module.exports = { apiErrorScenario };
