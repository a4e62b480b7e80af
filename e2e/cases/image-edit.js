'use strict';
// examples/image-edit.json: a PNG (Edit Fields + Convert to File) -> NanoGPT Image > Edit, two edited images as files.
const assert = require('node:assert/strict');

const { PNG_1X1 } = require('../fakeNanoGptServer');

module.exports = {
	check({ server, outputOf, binaryOf }) {
		const requests = server.requestsTo('POST', '/v1/images/edits');
		assert.equal(requests.length, 1);
		assert.deepEqual(requests[0].json, {
			model: 'gpt-image-1',
			prompt: 'Make the background a sunset',
			n: 2,
			imageDataUrl: `data:image/png;base64,${PNG_1X1.toString('base64')}`,
		});
		const items = outputOf('Edit Image');
		assert.equal(items.length, 2);
		for (const [index, item] of items.entries()) {
			assert.equal(item.json.index, index);
			assert.equal(item.json.cost, 0.04);
			assert.equal(item.binary.edited.mimeType, 'image/png');
		}
		const file = binaryOf(items[0], 'edited');
		assert.equal(file.mimeType, 'image/png');
		assert.deepEqual(file.bytes, PNG_1X1);
	},
};
