import { runNode } from '../helpers/engine';
import { chatCompletion } from '../helpers/fixtures';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();
const FAILING = new Set([2, 5, 11, 12, 19]);

function answerByIndex() {
	server.on('POST', '/v1/chat/completions', (request) => {
		const index = Number(/item (\d+)/.exec(request.json.messages[0].content)?.[1]);
		return FAILING.has(index)
			? { status: 400, json: { error: { message: `Bad item ${index}`, type: 'invalid_request_error', code: 'invalid_parameter_value' } } }
			: { json: chatCompletion(`answer ${index}`) };
	});
}

const items = Array.from({ length: 20 }, (_, index) => ({ json: { index } }));
const parameters = askParameters({ prompt: '=item {{ $json.index }}' });

describe('a mixed batch of 20 items with 5 failing', () => {
	test('Continue On Fail returns 15 results and 5 errors, in input order, each paired with its input', async () => {
		answerByIndex();
		const result = await runNode(parameters, { baseUrl: server.baseUrl, items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (FAILING.has(index)) {
				expect(item.json.error).toBe(`NanoGPT rejected the request: Bad item ${index}`);
			} else {
				expect(item.json.text).toBe(`answer ${index}`);
			}
		});
		expect(server.requests).toHaveLength(20);
	});

	test("n8n's error output gets the 5 failures, the main output the 15 successes", async () => {
		answerByIndex();
		const result = await runNode(parameters, { baseUrl: server.baseUrl, items, onError: 'continueErrorOutput' });
		const [success, failure] = result.outputs;
		expect(success.map((item) => item.json.text)).toEqual(
			items.filter((_, index) => !FAILING.has(index)).map((item) => `answer ${item.json.index}`),
		);
		expect(success.map((item) => item.pairedItem)).toEqual(
			items.map((_, index) => index).filter((index) => !FAILING.has(index)).map((index) => ({ item: index })),
		);
		expect(failure.map((item) => item.pairedItem)).toEqual([...FAILING].map((index) => ({ item: index })));
		expect(failure.map((item) => item.json.error)).toEqual([...FAILING].map((index) => `NanoGPT rejected the request: Bad item ${index}`));
	});

	test('without Continue On Fail the first failing item stops the node with its item index', async () => {
		answerByIndex();
		const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
		expect(result.error?.message).toBe('NanoGPT rejected the request: Bad item 2');
		expect(result.error?.context?.itemIndex).toBe(2);
	});
});
