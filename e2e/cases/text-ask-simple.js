'use strict';
// examples/text-ask-simple.json: Edit Fields -> NanoGPT Text > Ask (simple prompt with an expression).
const assert = require('node:assert/strict');

const { apiErrorScenario } = require('../apiErrorScenario');
const otherOrigin = require('../otherOrigin');

module.exports = {
	check({ server, outputOf, validKey }) {
		const [request] = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 1, 'one chat request');
		assert.equal(request.headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(request.json, {
			model: 'openai/gpt-4o-mini',
			messages: [
				{ role: 'system', content: 'You are a concise assistant. Answer in one sentence.' },
				{
					role: 'user',
					content:
						'Summarize this text: n8n is a workflow automation tool. NanoGPT gives one API key access to hundreds of AI models, paid per request. This community node connects the two.',
				},
			],
			temperature: 0.2,
			max_tokens: 200,
		});

		const items = outputOf('Summarize');
		assert.equal(items.length, 1);
		assert.match(items[0].json.text, /^Fake answer to: Summarize this text: n8n is a workflow automation tool\./);
		assert.equal(items[0].json.finishReason, 'stop');
		assert.equal(items[0].json.model, 'openai/gpt-4o-mini');
		assert.equal(items[0].json.cost, 0.000042);
		assert.deepEqual(items[0].json.usage, { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 });
	},
	scenarios: [
		{
			name: 'a redirect to another origin fails the execution naming that origin; the API key never reaches it',
			expectFailure: true,
			routes: {
				'POST /v1/chat/completions': () => ({
					status: 302,
					headers: { location: `${otherOrigin.origin()}/api/v1/chat/completions` },
				}),
			},
			check({ server, error }) {
				assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 1, 'a redirect is not retried');
				assert.equal(
					error.message,
					`The credential Base URL redirected to another origin (${otherOrigin.origin()}); the API key was not sent there`,
				);
				assert.equal(otherOrigin.requests.length, 0, 'the other origin received no request');
				assert.deepEqual(otherOrigin.credentialHeaders(), []);
			},
		},
		apiErrorScenario({
			name: 'an empty NanoGPT balance (402) fails the execution with advice, without retrying',
			route: 'POST /v1/chat/completions',
			status: 402,
			error: { message: 'Insufficient balance', type: 'insufficient_quota', code: 'insufficient_quota' },
			nodeName: 'Summarize',
			message: /Insufficient NanoGPT balance/,
			check({ error }) {
				assert.match(`${error.description}`, /Top up your NanoGPT balance at https:\/\/nano-gpt\.com/);
			},
		}),
		{
			name: 'a rate limit (429 with Retry-After) is retried and then succeeds',
			routes: {
				'POST /v1/chat/completions': (() => {
					let calls = 0;
					return () =>
						++calls === 1
							? {
									status: 429,
									headers: { 'retry-after': '1' },
									json: { error: { message: 'Rate limit exceeded', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
								}
							: {
									json: {
										id: 'chatcmpl-e2e-retry',
										object: 'chat.completion',
										model: 'openai/gpt-4o-mini',
										choices: [{ index: 0, message: { role: 'assistant', content: 'Answered after a retry.' }, finish_reason: 'stop' }],
										usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
									},
								};
				})(),
			},
			check({ server, outputOf }) {
				assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 2, 'one retry after the 429');
				assert.equal(outputOf('Summarize')[0].json.text, 'Answered after a retry.');
			},
		},
	],
};
