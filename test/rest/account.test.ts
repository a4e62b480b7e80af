import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

const preferences = {
	preferredProviders: ['deepinfra', 'together'],
	excludedProviders: ['novita'],
	enableFallback: true,
	modelOverrides: {},
	availableProviders: ['deepinfra', 'together', 'novita'],
};

const usageReport = {
	object: 'usage',
	scope: 'current_key',
	apiKey: { id: 123 },
	from: '2026-05-01',
	to: '2026-05-02',
	timezone: 'UTC',
	groupBy: 'day',
	asOf: '2026-05-02T12:00:00.000Z',
	source: { type: 'aggregate' },
	totals: { requests: 3, costUsd: 0.5, refundedUsd: 0, netCostUsd: 0.5, inputTokens: 100, outputTokens: 50, reasoningTokens: 0, totalTokens: 150 },
	byDay: [
		{ date: '2026-05-01', requests: 1, costUsd: 0.2, refundedUsd: 0, netCostUsd: 0.2, inputTokens: 40, outputTokens: 20, reasoningTokens: 0, totalTokens: 60 },
		{ date: '2026-05-02', requests: 2, costUsd: 0.3, refundedUsd: 0, netCostUsd: 0.3, inputTokens: 60, outputTokens: 30, reasoningTokens: 0, totalTokens: 90 },
	],
};

async function run(operation: string, parameters: Record<string, unknown> = {}, options: Partial<Parameters<typeof runNode>[1]> = {}) {
	return await runNode({ resource: 'account', operation, ...parameters } as never, { baseUrl: server.baseUrl, ...options });
}

describe('Account > Get / Update / Clear Provider Preferences', () => {
	test('GET /user/provider-preferences returns the saved preferences', async () => {
		server.on('GET', '/user/provider-preferences', authed(() => ({ json: preferences })));
		const result = await run('getProviderPreferences');
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ method: 'GET', path: '/user/provider-preferences' });
		expect(result.items.map((item) => item.json)).toEqual([preferences]);
	});

	test('PATCH sends only the preferences added, lists as arrays, overrides as an object', async () => {
		server.on('PATCH', '/user/provider-preferences', authed((request) => ({ json: { ...preferences, ...request.json } })));
		const result = await run('updateProviderPreferences', {
			preferences: {
				preferredProviders: 'deepinfra, together ,',
				enableFallback: false,
				modelOverrides: '{"deepseek/deepseek-v3.2": {"preferredProviders": ["deepinfra"]}}',
			},
		});
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({
			preferredProviders: ['deepinfra', 'together'],
			enableFallback: false,
			modelOverrides: { 'deepseek/deepseek-v3.2': { preferredProviders: ['deepinfra'] } },
		});
		expect(openApiErrors('ProviderPreferencesUpdateRequest', body)).toEqual([]);
		expect(result.items[0].json.enableFallback).toBe(false);
	});

	test('an empty list clears it (sent as [])', async () => {
		server.on('PATCH', '/user/provider-preferences', { json: preferences });
		await run('updateProviderPreferences', { preferences: { excludedProviders: '' } });
		expect(server.lastRequest().json).toEqual({ excludedProviders: [] });
	});

	test.each([
		[{}, 'Nothing to update: add at least one preference'],
		[{ modelOverrides: '{"a": 1}' }, 'The parameter "Model Overrides" must map model IDs to objects'],
		[{ modelOverrides: '{oops' }, 'The parameter "Model Overrides" is not valid JSON'],
	])('%j is refused before anything is sent', async (prefs, message) => {
		const result = await run('updateProviderPreferences', { preferences: prefs });
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});

	test('DELETE answers 204 without a body; the item says cleared', async () => {
		server.on('DELETE', '/user/provider-preferences', authed(() => ({ status: 204 })));
		const result = await run('clearProviderPreferences');
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ method: 'DELETE', path: '/user/provider-preferences' });
		expect(result.items.map((item) => item.json)).toEqual([{ cleared: true, statusCode: 204 }]);
	});
});

describe('Account > Get Usage', () => {
	test('GET /v1/usage with from, to and group_by; the report as one item', async () => {
		server.on('GET', '/v1/usage', authed(() => ({ json: usageReport })));
		const result = await run('getUsage', { from: '2026-05-01T00:00:00', to: '2026-05-02', groupBy: 'day' });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest()).toMatchObject({ path: '/v1/usage', query: { from: '2026-05-01', to: '2026-05-02', group_by: 'day' } });
		expect(result.items.map((item) => item.json)).toEqual([usageReport]);
	});

	test('without dates only the grouping is sent; one item per row when asked', async () => {
		server.on('GET', '/v1/usage', { json: usageReport });
		const result = await run('getUsage', { groupBy: 'day', output: 'rows' });
		expect(server.lastRequest().query).toEqual({ group_by: 'day' });
		expect(result.items.map((item) => item.json)).toEqual(usageReport.byDay.map((row) => ({ ...row, from: '2026-05-01', to: '2026-05-02' })));
	});

	test.each([
		[{ from: '2026-05-01' }, 'Set both "From" and "To", or neither'],
		[{ from: '2026-05-09', to: '2026-05-01' }, 'The parameter "From" is after "To"'],
		[{ from: '2026-02-30', to: '2026-03-01' }, 'The parameter "From" is not a date'],
	])('%j is refused before anything is sent', async (dates, message) => {
		const result = await run('getUsage', dates);
		expect(result.error?.message).toBe(message);
		expect(server.requests).toHaveLength(0);
	});
});

describe('Account > Get Prices', () => {
	test('Nano price: GET /get-nano-price', async () => {
		server.on('GET', '/get-nano-price', { json: { pair: 'NANOUSD', latestPrice: 1.23 } });
		const result = await run('getPrices', { prices: 'nano' });
		expect(server.lastRequest().path).toBe('/get-nano-price');
		expect(result.items[0].json).toEqual({ pair: 'NANOUSD', latestPrice: 1.23 });
	});

	test('Fiat rates: GET /get-fiat-prices', async () => {
		const rates = { usdTo: { EUR: 0.92 }, currencies: { EUR: 'Euro' } };
		server.on('GET', '/get-fiat-prices', { json: rates });
		const result = await run('getPrices', { prices: 'fiat' });
		expect(server.lastRequest().path).toBe('/get-fiat-prices');
		expect(result.items[0].json).toEqual(rates);
	});
});

describe('Account > Create Invitation', () => {
	const created = { insertId: '1', redeemCode: 'ABC', url: 'https://nano-gpt.com/invite/ABC', type: 'invitation', amount: 5, currency: 'USD' };

	test('an invitation with credit sends type, amount (a number) and currency and the details added', async () => {
		server.on('POST', '/invitations/create', authed(() => ({ json: created })));
		const result = await run('createInvitation', { amount: 5, currency: 'USD', invitationDetails: { recipientName: 'Ada', issuerNote: 'Welcome!' } });
		expect(result.error).toBeUndefined();
		const body = server.lastRequest().json;
		expect(body).toEqual({ type: 'invitation', amount: 5, currency: 'USD', recipientName: 'Ada', issuerNote: 'Welcome!' });
		expect(openApiErrors('InvitationCreateRequest', body)).toEqual([]);
		expect(result.items[0].json).toEqual(created);
	});

	test('without credit neither amount nor currency is sent; a referral link never carries them', async () => {
		server.on('POST', '/invitations/create', { json: { ...created, amount: 0, currency: null } });
		await run('createInvitation', {});
		expect(server.lastRequest().json).toEqual({ type: 'invitation' });
		await run('createInvitation', { invitationType: 'referralLink', amount: 5 });
		expect(server.lastRequest().json).toEqual({ type: 'referralLink' });
	});

	test('an amount without a currency or below 0 is refused', async () => {
		expect((await run('createInvitation', { amount: 5, currency: ' ' })).error?.message).toBe('The parameter "Currency" is needed with an amount');
		expect((await run('createInvitation', { amount: -1 })).error?.message).toBe('The parameter "Amount" must be at least 0');
		expect(server.requests).toHaveLength(0);
	});
});

describe('Account > Get TEE Attestation / Signature', () => {
	test('attestation: GET {root}/v1/tee/attestation?model=… (the site root, not /api)', async () => {
		server.on('GET', '/v1/tee/attestation', authed(() => ({ json: { attestation: 'report' } })));
		const result = await run('getTeeAttestation', { teeModel: 'TEE/deepseek-r1-70b' });
		expect(result.error).toBeUndefined();
		const request = server.lastRequest();
		expect(request.path).toBe('/v1/tee/attestation');
		expect(request.query).toEqual({ model: 'TEE/deepseek-r1-70b' });
		expect(result.items[0].json).toEqual({ attestation: 'report' });
	});

	test('signature: the request ID in the path (encoded), model and algorithm in the query', async () => {
		server.on('GET', '/v1/tee/signature/chatcmpl-1%2Fx', { json: { signature: '0xabc' } });
		const result = await run('getTeeSignature', { teeModel: 'TEE/llama', requestId: 'chatcmpl-1/x', signingAlgorithm: 'ecdsa' });
		expect(result.error).toBeUndefined();
		expect(server.lastRequest().query).toEqual({ model: 'TEE/llama', signing_algo: 'ecdsa' });
		expect(result.items[0].json).toEqual({ signature: '0xabc' });
	});

	test('an empty request ID is refused', async () => {
		const result = await run('getTeeSignature', { teeModel: 'TEE/llama', requestId: ' ' });
		expect(result.error?.message).toBe('The parameter "Request ID" is empty');
		expect(server.requests).toHaveLength(0);
	});
});
