import { runNode } from '../helpers/engine';
import { askParameters, modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

async function expectItemError(parameters: Parameters<typeof runNode>[0], message: string, items?: Parameters<typeof runNode>[1]['items']) {
	const result = await runNode(parameters, { baseUrl: server.baseUrl, items, continueOnFail: true });
	expect(result.items).toHaveLength(items?.length ?? 1);
	expect(result.items[0].json.error).toBe(message);
	expect(result.items[0].pairedItem).toEqual({ item: 0 });
	expect(String(result.items[0].json.error)).not.toMatch(/\n\s+at /);
	return result;
}

describe('bad input fails that item with a message naming the parameter', () => {
	test('invalid JSON in Logit Bias', async () => {
		await expectItemError(askParameters({ options: { logitBias: '{"50256": -100,' } }), 'The parameter "Logit Bias" is not valid JSON');
		expect(server.requests).toHaveLength(0);
	});

	test('Logit Bias that is not an object of numbers', async () => {
		await expectItemError(askParameters({ options: { logitBias: '{"50256": "high"}' } }), 'The parameter "Logit Bias" must map token IDs to numbers');
	});

	test('invalid JSON Schema', async () => {
		await expectItemError(askParameters({ responseFormat: 'json_schema', jsonSchema: '{type: object}' }), 'The parameter "JSON Schema" is not valid JSON');
	});

	test('an empty prompt from an expression', async () => {
		await expectItemError(askParameters({ prompt: '={{ $json.missing ?? "" }}' }), 'The parameter "Prompt" is empty');
	});

	test('an empty model ID', async () => {
		await expectItemError(askParameters({ model: modelById('  ') }), 'The parameter "Model" is empty');
	});

	test('a missing binary property lists the ones the item has', async () => {
		const result = await expectItemError(
			askParameters({ images: { image: [{ source: 'binary', binaryPropertyName: 'picture' }] } }),
			'The input item has no binary property "picture" (parameter "Input Binary Field")',
			[{ json: {}, binary: { data: { data: 'AAAA', mimeType: 'image/png', fileName: 'a.png' } } }],
		);
		expect(result.items[0].error?.description).toContain('"data"');
	});

	test('a binary that is not an image', async () => {
		await expectItemError(
			askParameters({ images: { image: [{ source: 'binary', binaryPropertyName: 'data' }] } }),
			'The binary property "data" is not a PNG, JPEG, WebP or GIF image (parameter "Input Binary Field")',
			[{ json: {}, binary: { data: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'notes.pdf' } } }],
		);
	});

	test.each([
		['temperature', 5, 'The parameter "Temperature" must be at least 0 and at most 2'],
		['topP', -0.1, 'The parameter "Top P" must be at least 0 and at most 1'],
		['topLogprobs', 25, 'The parameter "Top Logprobs" must be at least 0 and at most 20'],
		['maxTokens', 0, 'The parameter "Max Tokens" must be at least 1'],
		['seed', 1.5, 'The parameter "Seed" must be a whole number'],
	])('out-of-range %s set by expression', async (name, value, message) => {
		await expectItemError(askParameters({ options: { [name]: `={{ ${value} }}` } as never }), message);
	});

	test('more than 4 stop sequences', async () => {
		await expectItemError(askParameters({ options: { stop: ['a', 'b', 'c', 'd', 'e'] } }), 'The parameter "Stop Sequences" has 5 entries');
	});
});

describe('unusual but valid input works', () => {
	test('a prompt of several MB is sent intact', async () => {
		const huge = 'x'.repeat(4 * 1024 * 1024);
		const result = await runNode(askParameters({ prompt: huge }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().json.messages[0].content).toHaveLength(huge.length);
	});

	test('unusual Unicode survives the round trip', async () => {
		const text = 'Zero\u200Bwidth, emoji 🧪👩🏽‍🔬, RTL שלום, combining é, astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, NUL-free \uFFFD';
		await runNode(askParameters({ prompt: text }), { baseUrl: server.baseUrl });
		expect(server.lastRequest().json.messages[0].content).toBe(text);
	});

	test('model IDs keep "/" and ":" and lose only surrounding spaces', async () => {
		await runNode(askParameters({ model: modelById('  anthropic/claude-opus-4.6:memory-30:online/linkup-deep  ') }), { baseUrl: server.baseUrl });
		expect(server.lastRequest().json.model).toBe('anthropic/claude-opus-4.6:memory-30:online/linkup-deep');
	});
});
