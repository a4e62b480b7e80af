import { runNode } from '../helpers/engine';
import { VALID_KEY, authed } from '../helpers/fakeNanoGpt';
import { balance } from '../helpers/fixtures';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

async function run(operation: string) {
	return await runNode({ resource: 'account', operation }, { baseUrl: server.baseUrl });
}

describe('Account > Get Balance', () => {
	test('POST /check-balance with the key and no body; balances become numbers, raw strings kept', async () => {
		const result = await run('getBalance');
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request).toMatchObject({ method: 'POST', path: '/check-balance', query: {} });
		expect(request.headers['x-api-key']).toBe(VALID_KEY);
		expect(request.rawBody.length).toBe(0);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				usdBalance: 129.46956147,
				nanoBalance: 26.71801147,
				nanoDepositAddress: 'nano_1testdepositaddress',
				usd_balance: '129.46956147',
				nano_balance: '26.71801147',
			},
		]);
	});

	test('numeric balances stay numbers; a balance that is not a number becomes null', async () => {
		server.on('POST', '/check-balance', { json: { usd_balance: 5, nano_balance: 'n/a', nanoDepositAddress: 'nano_1x' } });
		const result = await run('getBalance');
		expect(result.items[0].json).toMatchObject({ usdBalance: 5, nanoBalance: null, nano_balance: 'n/a' });
	});

	test('a zero balance is 0, not null', async () => {
		server.on('POST', '/check-balance', { json: { usd_balance: '0', nano_balance: '0.000000', nanoDepositAddress: 'nano_1x' } });
		const result = await run('getBalance');
		expect(result.items[0].json).toMatchObject({ usdBalance: 0, nanoBalance: 0 });
	});

	test('an invalid key is reported in NanoGPT words', async () => {
		const result = await runNode({ resource: 'account', operation: 'getBalance' }, { baseUrl: server.baseUrl, apiKey: 'sk-nano-wrong' });
		expect(result.error?.message).toBe('NanoGPT did not accept the API key: Invalid API key');
	});

	test('one balance item per input item', async () => {
		const result = await runNode(
			{ resource: 'account', operation: 'getBalance' },
			{ baseUrl: server.baseUrl, items: [{ json: { a: 1 } }, { json: { a: 2 } }] },
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.requestsTo('POST', '/check-balance')).toHaveLength(2);
	});
});

describe('Account > Receive Nano', () => {
	const received = {
		success: true,
		received_blocks: ['991CF190094C00F0B68E2E5F75F6BEE95A2E0BD93CEAA4A6734DB9F19B728948', '4C1FEEF0BEA7F50BE35489A1233FE002B212DEA554B55B1B470D78BD8F210C74'],
		total_received: '1.5',
	};

	test('POST /receive-nano; the received total becomes a number', async () => {
		server.on('POST', '/receive-nano', authed(() => ({ json: received })));
		const result = await run('receiveNano');
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ method: 'POST', path: '/receive-nano' });
		expect(server.lastRequest().rawBody.length).toBe(0);
		expect(result.items.map((item) => item.json)).toEqual([
			{ totalReceived: 1.5, receivedBlockCount: 2, ...received },
		]);
	});

	test('nothing pending', async () => {
		server.on('POST', '/receive-nano', { json: { success: true, received_blocks: [], total_received: '0' } });
		const result = await run('receiveNano');
		expect(result.items[0].json).toMatchObject({ success: true, totalReceived: 0, receivedBlockCount: 0 });
	});
});

describe('Account > Get Subscription Usage', () => {
	const usage = {
		active: true,
		limits: { daily: 2000, monthly: 60000 },
		enforceDailyLimit: true,
		daily: { used: 5, remaining: 1995, percentUsed: 0.25, resetAt: 1763856000000 },
		monthly: { used: 45, remaining: 59955, percentUsed: 0.075, resetAt: 1764547200000 },
		period: { currentPeriodEnd: '2026-12-01T00:00:00.000Z' },
		state: 'active',
		graceUntil: null,
	};

	test('GET /subscription/v1/usage, returned as it is', async () => {
		server.on('GET', '/subscription/v1/usage', authed(() => ({ json: usage })));
		const result = await run('getSubscriptionUsage');
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ method: 'GET', path: '/subscription/v1/usage', query: {} });
		expect(result.items.map((item) => item.json)).toEqual([usage]);
	});

	test.each([
		[404, { error: 'No active subscription' }],
		[403, { error: { message: 'Subscription required', code: 'subscription_required' } }],
	])('HTTP %s means the account has no subscription, said plainly', async (status, json) => {
		server.on('GET', '/subscription/v1/usage', { status, json });
		const result = await run('getSubscriptionUsage');
		expect(result.error?.message).toBe('This NanoGPT account has no subscription usage to show');
		expect(result.error?.description).toContain(`NanoGPT answered HTTP ${status}`);
		expect(result.error?.description).toContain('Get Balance');
		expect(server.requestsTo('GET', '/subscription/v1/usage')).toHaveLength(1);
	});

	test('other errors keep the usual NanoGPT message', async () => {
		server.on('GET', '/subscription/v1/usage', { status: 401, json: { error: { message: 'Invalid API key' } } });
		const result = await run('getSubscriptionUsage');
		expect(result.error?.message).toBe('NanoGPT did not accept the API key: Invalid API key');
	});
});
