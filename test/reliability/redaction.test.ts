/**
 * Issue 11, item 2: the credential's API key never reaches an error text or an output item, whatever the HTTP
 * status of the answer that quoted it, and also when the key does not look like a NanoGPT key.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { askParameters, completeParameters, modelById } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { generateParameters } from '../video/videoFixtures';

const server = useFakeNanoGpt();

/** A key of a self-hosted proxy: none of the key-like patterns matches it, only knowing the key helps. */
const PROXY_KEY = 'proxy-Zq81xY0plmNw4Kd';

function everythingUserSees(result: Awaited<ReturnType<typeof runNode>>): string {
	const error = result.error;
	return JSON.stringify({
		items: result.outputs,
		error: error && { message: error.message, description: error.description, context: error.context },
		run: result.run.data.resultData,
	});
}

function expectNoKey(seen: string) {
	expect(seen).not.toContain(PROXY_KEY);
	expect(seen).not.toContain(encodeURIComponent(PROXY_KEY));
	expect(seen).not.toContain(Buffer.from(PROXY_KEY).toString('base64'));
}

async function runBoth(parameters: INodeParameters) {
	const results = [];
	for (const continueOnFail of [false, true]) {
		results.push(await runNode(parameters, { baseUrl: server.baseUrl, apiKey: PROXY_KEY, continueOnFail }));
	}
	return results;
}

describe('a key echoed in a 2xx answer is redacted from errors', () => {
	test.each([
		['a proxy HTML page (200)', { headers: { 'content-type': 'text/html' }, body: `<html><title>Signed in as ${PROXY_KEY}</title><body>${PROXY_KEY}</body></html>` }, /Received an HTML page \("Signed in as \[redacted\]"\)/],
		['a plain-text 200', { headers: { 'content-type': 'text/plain' }, body: `ok key=${PROXY_KEY} and again ${PROXY_KEY}` }, /Received "ok key=\[redacted\]/],
	])('Ask: %s', async (_name, answer, description) => {
		server.on('POST', '/v1/chat/completions', answer);
		for (const result of await runBoth(askParameters())) {
			const error = result.error ?? (result.items[0]?.error as typeof result.error);
			expect(error?.message).toBe('NanoGPT sent a response that is not a JSON object');
			expect(error?.description).toMatch(description);
			expectNoKey(everythingUserSees(result));
		}
	});

	test('Video > Generate: a JSON ticket without an ID', async () => {
		server.on('POST', '/generate-video', { status: 202, json: { status: 'pending', echo: `x-api-key: ${PROXY_KEY}`, key: PROXY_KEY } });
		for (const result of await runBoth(generateParameters())) {
			const error = result.error ?? (result.items[0]?.error as typeof result.error);
			expect(error?.message).toBe('NanoGPT accepted the video request but returned no request ID');
			expect(error?.description).toContain('[redacted]');
			expectNoKey(everythingUserSees(result));
		}
	});

	test('Model > List: a model list that is not JSON', async () => {
		server.on('GET', '/v1/models', { headers: { 'content-type': 'text/plain' }, body: `maintenance for ${PROXY_KEY}` });
		for (const result of await runBoth({ resource: 'model', operation: 'list' })) {
			const error = result.error ?? (result.items[0]?.error as typeof result.error);
			expect(error?.message).toBe('NanoGPT sent a model list that is not JSON');
			expectNoKey(everythingUserSees(result));
		}
	});

	test('Complete: a JSON answer the model filled with the key (json_object) is redacted from the JSON error', async () => {
		server.on('POST', '/v1/chat/completions', {
			json: { choices: [{ index: 0, message: { role: 'assistant', content: `not json ${PROXY_KEY}` } }] },
		});
		for (const result of await runBoth(askParameters({ responseFormat: 'json_object' }))) {
			const error = result.error ?? (result.items[0]?.error as typeof result.error);
			expect(error?.message).toBe('The model did not answer with valid JSON');
			expectNoKey(everythingUserSees(result));
		}
	});

	test('a 400 that repeats a key of any shape', async () => {
		server.on('POST', '/v1/completions', { status: 400, json: { error: { message: `Key ${PROXY_KEY} may not use this model` } } });
		for (const result of await runBoth(completeParameters({ requestSettings: { maxRetries: 0 } }))) {
			const error = result.error ?? (result.items[0]?.error as typeof result.error);
			expect(error?.message).toBe('NanoGPT rejected the request: Key [redacted] may not use this model');
			expectNoKey(everythingUserSees(result));
		}
	});

	test('a failed speech job whose reason quotes the key', async () => {
		server.on('POST', '/tts', { status: 202, json: { runId: 'run-9', status: 'pending', model: 'Elevenlabs-Turbo-V2.5' } });
		server.on('GET', '/tts/status', { json: { status: 'error', error: `quota of ${PROXY_KEY} exceeded` } });
		const parameters = {
			resource: 'audio',
			operation: 'createSpeech',
			model: modelById('Elevenlabs-Turbo-V2.5'),
			input: 'Hello',
			options: { requestMode: 'job', pollInterval: 1, maxWait: 5 },
		};
		for (const result of await runBoth(parameters)) {
			const error = result.error ?? (result.items[0]?.error as typeof result.error);
			expect(error?.message).toBe('NanoGPT could not generate the speech: quota of [redacted] exceeded');
			expectNoKey(everythingUserSees(result));
		}
	});
});

describe('a key echoed in a successful answer is redacted from the output', () => {
	test('Ask with Simplify Output off and on', async () => {
		server.on('POST', '/v1/chat/completions', {
			json: {
				id: 'chatcmpl-1',
				model: 'openai/gpt-5.2',
				choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `Your key is ${PROXY_KEY}` } }],
				debug: { headers: { authorization: `Bearer ${PROXY_KEY}` } },
			},
		});
		for (const simplify of [true, false]) {
			const result = await runNode(askParameters({ simplify }), { baseUrl: server.baseUrl, apiKey: PROXY_KEY });
			expect(result.error).toBeUndefined();
			expectNoKey(everythingUserSees(result));
			expect(JSON.stringify(result.items[0].json)).toContain('Your key is [redacted]');
		}
	});

	test('Account > Get Balance keeps every other field as it is', async () => {
		server.on('POST', '/check-balance', { json: { usd_balance: '1.5', nano_balance: '0', nanoDepositAddress: 'nano_1abc', note: PROXY_KEY } });
		const result = await runNode({ resource: 'account', operation: 'getBalance' }, { baseUrl: server.baseUrl, apiKey: PROXY_KEY });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ usdBalance: 1.5, nanoDepositAddress: 'nano_1abc', note: '[redacted]' });
	});
});
