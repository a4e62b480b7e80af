import axios from 'axios';
import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { credentialType, loadPackage, NODE_TYPE } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

/**
 * Sends the credential's own test request the way n8n's credential tester does: its expressions resolved by
 * n8n-workflow's expression engine with $credentials, its generic authenticate headers applied.
 */
async function testCredential(data: IDataObject) {
	const type = await credentialType();
	const pkg = await loadPackage();
	const node: INode = { id: 'n', name: 'n', type: NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: (name: string) => pkg.nodeTypes[name],
			getByNameAndVersion: (name: string) => pkg.nodeTypes[name],
			getKnownTypes: () => ({}),
		} as never,
	});
	const resolve = (value: unknown) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: data }, undefined, '') as string;
	const request = type.test!.request;
	const authenticate = type.authenticate as (credentials: IDataObject, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	const { headers } = await authenticate(data, { url: request.url ?? '', headers: {} });
	const response = await axios.request({
		method: request.method ?? 'GET',
		baseURL: resolve(request.baseURL),
		url: request.url,
		headers: headers as Record<string, string>,
		validateStatus: () => true,
	});
	return { status: response.status, body: response.data };
}

describe('NanoGPT API credential', () => {
	test('is named nanoGptApi, with a password API key and a base URL defaulting to NanoGPT', async () => {
		const type = await credentialType();
		expect(type.displayName).toBe('NanoGPT API');
		const apiKey = type.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(type.properties.find((property) => property.name === 'baseUrl')?.default).toBe('https://nano-gpt.com/api');
	});

	test('its test calls POST /check-balance and passes with a valid key', async () => {
		const result = await testCredential({ apiKey: VALID_KEY, baseUrl: server.baseUrl });
		expect(result.status).toBe(200);
		expect(server.lastRequest()).toMatchObject({ method: 'POST', path: '/check-balance' });
		expect(server.lastRequest().headers.authorization).toBe(`Bearer ${VALID_KEY}`);
		expect(server.lastRequest().headers['x-api-key']).toBe(VALID_KEY);
	});

	test('its test rejects a bad key', async () => {
		const result = await testCredential({ apiKey: 'sk-nano-wrong', baseUrl: server.baseUrl });
		expect(result.status).toBe(401);
	});

	test.each([['/'], ['/v1'], ['/v1/'], ['//']])('a base URL ending in %s reaches the same routes', async (ending) => {
		const result = await testCredential({ apiKey: VALID_KEY, baseUrl: `${server.baseUrl}${ending}` });
		expect(result.status).toBe(200);
		expect(server.lastRequest().path).toBe('/check-balance');
	});
});
