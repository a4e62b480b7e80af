'use strict';
// examples/image-create.json: Edit Fields -> NanoGPT Image > Create; the image arrives as b64_json and becomes a PNG file.
const assert = require('node:assert/strict');

const { PNG_1X1 } = require('../fakeNanoGptServer');

const PROMPT =
	'Product photo of a ceramic coffee mug with a hand-painted lighthouse, soft watercolor, white background, studio light';

module.exports = {
	check({ server, outputOf, binaryOf, validKey }) {
		const requests = server.requestsTo('POST', '/v1/images/generations');
		assert.equal(requests.length, 1, 'one image request');
		assert.equal(requests[0].headers.authorization, `Bearer ${validKey}`);
		assert.deepEqual(requests[0].json, {
			model: 'hidream',
			prompt: PROMPT,
			n: 1,
			size: '1024x1024',
			response_format: 'b64_json',
			guidance_scale: 6.5,
			seed: 42,
			negative_prompt: 'text, watermark, blurry',
		});

		const items = outputOf('Create Product Image');
		assert.equal(items.length, 1, 'one item per image');
		assert.deepEqual(items[0].json, {
			index: 0,
			model: 'hidream',
			imageCount: 1,
			created: 1763800000,
			cost: 0.005,
			paymentSource: 'USD',
			remainingBalance: 129.4,
		});
		const image = binaryOf(items[0], 'data');
		assert.equal(image.mimeType, 'image/png');
		assert.equal(image.fileName, 'image.png');
		assert.equal(image.fileExtension, 'png');
		assert.equal(image.bytes.length, PNG_1X1.length);
		assert.ok(image.bytes.equals(PNG_1X1), 'the file holds the bytes NanoGPT sent as b64_json');
	},
	scenarios: [
		{
			name: 'an answer without images fails the node with a clear message',
			expectFailure: true,
			routes: {
				'POST /v1/images/generations': { json: { created: 1763800000, data: [], cost: 0, paymentSource: 'USD' } },
			},
			check({ server, error }) {
				assert.equal(server.requestsTo('POST', '/v1/images/generations').length, 1);
				assert.match(error.message, /NanoGPT returned no images/);
				assert.equal(error.node.name, 'Create Product Image');
			},
		},
	],
};
