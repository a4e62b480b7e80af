'use strict';
// examples/rag-simple-vector-store.json: three documents inserted into n8n's Simple Vector Store with the NanoGPT
// Embeddings sub-node; a search by query; an AI Agent (NanoGPT Chat Model) that uses the store as a tool.
// The fake NanoGPT's embeddings are bag-of-words vectors, so the invoice document must rank first.
const assert = require('node:assert/strict');

const { resultDataOf } = require('../runData');

const INVOICE_DOCUMENT = 'Invoices are due within thirty days of the billing date.';
const TOOL_CALL_ID = 'call_e2e_knowledge_1';
const FINAL_ANSWER = 'Invoices have to be paid within thirty days of the billing date.';

function completion(id, message, finishReason) {
	return {
		json: {
			id,
			object: 'chat.completion',
			created: 1795300000,
			model: 'openai/gpt-5.2',
			choices: [{ index: 0, message, finish_reason: finishReason }],
			usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
			x_nanogpt_pricing: { cost: 0.0003, currency: 'USD', paymentSource: 'USD' },
		},
	};
}

function toolCallThenAnswer() {
	let calls = 0;
	return () =>
		++calls === 1
			? completion(
					'chatcmpl-e2e-rag-1',
					{
						role: 'assistant',
						content: '',
						tool_calls: [{ id: TOOL_CALL_ID, type: 'function', function: { name: 'Knowledge_Base', arguments: '{"input":"when are invoices due billing"}' } }],
					},
					'tool_calls',
				)
			: completion('chatcmpl-e2e-rag-2', { role: 'assistant', content: FINAL_ANSWER }, 'stop');
}

function runsOf(run, nodeName) {
	return resultDataOf(run).runData[nodeName] || [];
}

module.exports = {
	lines: ['2'],
	linesReason: 'the example uses the NanoGPT Chat Model (needs @n8n/ai-node-sdk, n8n >= 2.16) and AI Agent 3.1',
	routes: { 'POST /v1/chat/completions': toolCallThenAnswer() },
	check({ server, outputOf, run, validKey }) {
		const embeddings = server.requestsTo('POST', '/v1/embeddings');
		for (const request of embeddings) assert.equal(request.headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(
			embeddings.map((request) => request.json),
			[
				{
					model: 'text-embedding-3-small',
					input: [
						'The cat sleeps on the warm windowsill all afternoon.',
						INVOICE_DOCUMENT,
						'Our office is closed on public holidays and weekends.',
					],
				},
				{ model: 'text-embedding-3-small', input: ['When are the invoices due after billing?'] },
				{ model: 'text-embedding-3-small', input: ['when are invoices due billing'] },
			],
		);

		// Search Documents: the invoice document ranks first.
		const found = outputOf('Search Documents');
		assert.equal(found.length, 1);
		assert.equal(found[0].json.document.pageContent, INVOICE_DOCUMENT);

		// The agent called the vector store tool; the tool answered with the invoice document.
		const chats = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(chats.length, 2);
		assert.deepEqual(chats[0].json.tools.map((tool) => tool.function.name), ['Knowledge_Base']);
		const toolMessage = chats[1].json.messages.find((message) => message.role === 'tool');
		assert.ok(toolMessage && toolMessage.content.includes(INVOICE_DOCUMENT), `tool result: ${JSON.stringify(toolMessage)}`);
		assert.deepEqual(outputOf('AI Agent').map((item) => item.json), [{ output: FINAL_ANSWER }]);

		// Every embeddings call shows on the sub-node: documents in, vectors out.
		const subNodeRuns = runsOf(run, 'NanoGPT Embeddings');
		assert.equal(subNodeRuns.length, 3, 'insert, search, tool');
		assert.deepEqual(subNodeRuns[0].inputOverride.ai_embedding[0][0].json.documents.length, 3);
		assert.equal(subNodeRuns[1].inputOverride.ai_embedding[0][0].json.query, 'When are the invoices due after billing?');
	},
};
