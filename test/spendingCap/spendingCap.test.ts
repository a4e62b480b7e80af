import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { costOfItems, SpendingCap } from '../../nodes/NanoGpt/shared/spendingCap';
import { loadPackage, runNode } from '../helpers/engine';
import { chatCompletion } from '../helpers/fixtures';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

/** Every answer costs $0.000213 (chatCompletion's x_nanogpt_pricing); answers echo the item index. */
function answerWithIndex() {
	server.on('POST', '/v1/chat/completions', (request) => ({
		json: chatCompletion(`answer ${/item (\d+)/.exec(request.json.messages[0].content)?.[1]}`),
	}));
}

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { index } }));
const capped = (maxCostPerRun: number) => askParameters({ prompt: '=item {{ $json.index }}', maxCostPerRun });

describe('Max Cost per Run (USD)', () => {
	test('stops sending once the reported cost reaches the cap; with Continue On Fail the rest are paired error items', async () => {
		answerWithIndex();
		// $0.0005 allows 2 answers of $0.000213 with room for none more at the average: the 3rd starts alone
		// (nothing in flight, $0.000426 spent < cap) and reaches the cap; items 3-7 are not sent.
		const result = await runNode(capped(0.0005), { baseUrl: server.baseUrl, items: items(8), continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(3);
		expect(result.items).toHaveLength(8);
		result.items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		expect(result.items.slice(0, 3).map((item) => item.json.text)).toEqual(['answer 0', 'answer 1', 'answer 2']);
		for (const item of result.items.slice(3)) {
			expect(item.json.error).toBe('The spending cap of $0.0005 reached after 3 items: this item was not sent');
		}
	});

	test('without Continue On Fail the run fails with the cap error and its advice', async () => {
		answerWithIndex();
		const result = await runNode(capped(0.0003), { baseUrl: server.baseUrl, items: items(5) });
		expect(result.error?.message).toBe('The spending cap of $0.0003 reached after 2 items: this item was not sent');
		expect(result.error?.description).toMatch(/Raise Max Cost per Run \(USD\), or set it to 0 for no cap/);
		expect(server.requests).toHaveLength(2);
	});

	test('0 (the default) means no cap: every item is sent', async () => {
		answerWithIndex();
		const result = await runNode(askParameters({ prompt: '=item {{ $json.index }}' }), { baseUrl: server.baseUrl, items: items(6) });
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(6);
	});

	test('requests that fail without an answer cost nothing and free their place', async () => {
		let calls = 0;
		server.on('POST', '/v1/chat/completions', () =>
			++calls <= 2
				? { status: 400, json: { error: { message: 'Bad item', type: 'invalid_request_error', code: 'invalid_parameter_value' } } }
				: { json: chatCompletion('ok') },
		);
		const result = await runNode(capped(0.0005), { baseUrl: server.baseUrl, items: items(6), continueOnFail: true });
		expect(result.items.map((item) => item.json.error ?? item.json.text)).toEqual([
			'NanoGPT rejected the request: Bad item',
			'NanoGPT rejected the request: Bad item',
			'ok',
			'ok',
			'ok',
			'The spending cap of $0.0005 reached after 3 items: this item was not sent',
		]);
	});

	test('every billed operation has the field, and no other operation', async () => {
		const pkg = await loadPackage();
		const { properties } = pkg.nodeTypes['n8n-nodes-nanogpt.nanoGpt'].description as INodeTypeDescription;
		const shownFor = properties
			.filter((property: INodeProperties) => property.name === 'maxCostPerRun')
			.flatMap((property) => (property.displayOptions?.show?.resource as string[]).flatMap((resource) => (property.displayOptions?.show?.operation as string[]).map((operation) => `${resource}.${operation}`)));
		expect(shownFor.sort()).toEqual([
			'audio.cloneVoice',
			'audio.createSpeech',
			'audio.createTranscription',
			'embeddings.create',
			'image.checkNsfw',
			'image.create',
			'image.edit',
			'text.ask',
			'text.complete',
			'text.compressMemory',
			'text.createResponse',
			'text.message',
			'text.moderate',
			'video.extend',
			'video.generate',
			'web.scrapeUrls',
			'web.search',
			'youtube.getTranscript',
		]);
	});
});

describe('where NanoGPT reports the cost', () => {
	test.each([
		['cost (simplified output, images, video, speech)', { cost: 0.005 }, 0.005],
		['x_nanogpt_pricing.cost (raw chat answer)', { x_nanogpt_pricing: { cost: 0.0002 } }, 0.0002],
		['nanoGPT.cost (older chat answers)', { nanoGPT: { cost: 0.0132 } }, 0.0132],
		['metadata.cost (transcription, web search)', { metadata: { cost: 0.01 } }, 0.01],
		['summary.totalCost (scrape, YouTube)', { summary: { totalCost: 0.002 } }, 0.002],
		['a numeric string', { cost: '0.25' }, 0.25],
		['nothing reported', { text: 'hi' }, undefined],
		['cost null', { cost: null }, undefined],
	])('%s', (_name, json, expected) => {
		expect(costOfItems([{ json: json as never }])).toBe(expected);
	});

	test('the cost of one request is counted once, however many items it made (4 images)', () => {
		expect(costOfItems(Array.from({ length: 4 }, () => ({ json: { cost: 0.02 } })))).toBe(0.02);
	});
});

describe('SpendingCap', () => {
	const context = { getNode: () => ({ name: 'NanoGPT' }), getItemIndex: () => 0 } as never;

	test('before the first cost is known, requests start one at a time', async () => {
		const cap = new SpendingCap(1);
		const first = await cap.admit(context);
		let secondStarted = false;
		const second = cap.admit(context).then((ticket) => {
			secondStarted = true;
			return ticket;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(secondStarted).toBe(false);
		first.record(0.1);
		first.release();
		(await second).release();
		expect(secondStarted).toBe(true);
	});

	test('with a known average, as many start together as fit under the cap', async () => {
		const cap = new SpendingCap(1);
		const first = await cap.admit(context);
		first.record(0.2);
		first.release();
		// spent 0.2, average 0.2: 1 in flight -> 0.4, 2 -> 0.6, 3 -> 0.8, 4 -> 1.0 fit; a 5th waits.
		const tickets = await Promise.all([0, 1, 2, 3].map(async () => await cap.admit(context)));
		let fifthStarted = false;
		void cap.admit(context).then(() => (fifthStarted = true), () => undefined);
		await new Promise((resolve) => setImmediate(resolve));
		expect(fifthStarted).toBe(false);
		for (const ticket of tickets) {
			ticket.record(0.2);
			ticket.release();
		}
		await new Promise((resolve) => setImmediate(resolve));
		expect(cap.spent).toBeCloseTo(1);
		expect(cap.reached).toBe(true);
	});
});
