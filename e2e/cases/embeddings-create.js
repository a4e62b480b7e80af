'use strict';
// examples/embeddings-create.json: Edit Fields (a list of 3 texts) -> Embedding > Create from the field, 32 dimensions.
const assert = require('node:assert/strict');

const { bagOfWordsEmbedding } = require('../fakeKnowledgeRoutes');

const CHUNKS = ['The cat sleeps on the warm windowsill.', 'Invoices are due within thirty days.', 'The office is closed on public holidays.'];

module.exports = {
	check({ server, outputOf, validKey }) {
		const requests = server.requestsTo('POST', '/v1/embeddings');
		assert.equal(requests.length, 1, 'the three texts in one request');
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(requests[0].json, { model: 'text-embedding-3-small', input: CHUNKS, dimensions: 32 });

		const items = outputOf('Create Embeddings');
		assert.deepEqual(
			items.map((item) => item.json),
			CHUNKS.map((text, index) => ({
				text,
				embedding: bagOfWordsEmbedding(text, 32),
				index,
				model: 'text-embedding-3-small',
				dimensions: 32,
				usage: { prompt_tokens: 20, total_tokens: 20 },
				cost: null,
			})),
		);
	},
};
