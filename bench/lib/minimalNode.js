'use strict';
// The floor of n8n's declarative engine: a node type with one operation, no expressions, no preSend or
// postReceive, run through the same WorkflowExecute/RoutingNode. Time above this floor is this package's own.
const { NodeConnectionTypes } = require('n8n-workflow');

const { API_KEY } = require('./engine');
const { ASK_REQUEST } = require('./parameters');

function minimalAskNode(baseUrl) {
	return {
		description: {
			displayName: 'Minimal Ask',
			name: 'minimalAsk',
			group: ['transform'],
			version: 1,
			description: 'Floor of the declarative engine',
			defaults: { name: 'Minimal Ask' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			requestDefaults: {
				baseURL: baseUrl,
				headers: { Accept: 'application/json', Authorization: `Bearer ${API_KEY}`, 'x-api-key': API_KEY },
				json: true,
			},
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					default: 'ask',
					options: [
						{
							name: 'Ask',
							value: 'ask',
							routing: { request: { method: 'POST', url: ASK_REQUEST.path, body: ASK_REQUEST.body } },
						},
					],
				},
			],
		},
	};
}

module.exports = { minimalAskNode };
