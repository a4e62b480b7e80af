'use strict';
/**
 * Checks on a running n8n (after owner setup): the node, its AI-tool variant, the chat model sub-node and the
 * credential type are registered under the package's name, and n8n's credential test fails for a broken key and
 * passes for a valid one.
 */
const assert = require('node:assert/strict');
const http = require('node:http');

const PACKAGE = 'n8n-nodes-nanogpt';

async function typesOf(rest, kind) {
	const response = await rest.expectOk('GET', `/types/${kind}.json`);
	assert.ok(Array.isArray(response.json), `/types/${kind}.json is a list`);
	return response.json;
}

/** What the editor does when a credential is saved: store it, then run n8n's credential test on it. */
async function saveAndTestCredential(rest, name, data) {
	const created = await rest.expectOk('POST', '/rest/credentials', { name, type: 'nanoGptApi', data });
	const { id } = created.json.data || created.json;
	assert.ok(id, `n8n stored the credential: ${created.text.slice(0, 300)}`);
	const response = await rest.expectOk('POST', '/rest/credentials/test', {
		credentials: { id, name, type: 'nanoGptApi', data },
	});
	return response.json.data || response.json;
}

/** A server on another port (another origin) that records every request and its headers. */
async function recordingServer() {
	const requests = [];
	const server = http.createServer((req, res) => {
		requests.push({ method: req.method, url: req.url, headers: req.headers });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ usd_balance: '1.00', nano_balance: '0' }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		requests,
		origin: `http://127.0.0.1:${server.address().port}`,
		stop: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(resolve);
		}),
	};
}

async function runRegistrationChecks(harness, { rest, server, line = '2' }) {
	await harness.test(`n8n registered the node ${PACKAGE}.nanoGpt`, async () => {
		const nodes = await typesOf(rest, 'nodes');
		const node = nodes.find((type) => type.name === `${PACKAGE}.nanoGpt`);
		assert.ok(node, `node types include ${PACKAGE}.nanoGpt (NanoGPT types: ${nodes.filter((type) => /nano/i.test(type.name)).map((type) => type.name).join(', ') || 'none'})`);
		assert.equal(node.displayName, 'NanoGPT');
		assert.deepEqual(node.credentials.map((credential) => credential.name), ['nanoGptApi']);
		const operations = node.properties.find((property) => property.name === 'operation' && property.displayOptions.show.resource.includes('text'));
		const values = operations.options.map((option) => option.value);
		for (const value of ['ask', 'complete']) assert.ok(values.includes(value), `Text operations include ${value}: ${values}`);
	});

	await harness.test(`n8n registered the AI-tool variant ${PACKAGE}.nanoGptTool`, async () => {
		const nodes = await typesOf(rest, 'nodes');
		const tool = nodes.find((type) => type.name === `${PACKAGE}.nanoGptTool`);
		assert.ok(tool, `node types include ${PACKAGE}.nanoGptTool`);
		assert.deepEqual(tool.outputs, ['ai_tool']);
	});

	await harness.test(`n8n registered the chat model sub-node ${PACKAGE}.lmChatNanoGpt under AI > Language Models`, async () => {
		const nodes = await typesOf(rest, 'nodes');
		const chatModel = nodes.find((type) => type.name === `${PACKAGE}.lmChatNanoGpt`);
		assert.ok(chatModel, `node types include ${PACKAGE}.lmChatNanoGpt`);
		assert.equal(chatModel.displayName, 'NanoGPT Chat Model');
		assert.deepEqual(chatModel.inputs, []);
		assert.deepEqual(chatModel.outputs, ['ai_languageModel']);
		assert.deepEqual(chatModel.credentials.map((credential) => credential.name), ['nanoGptApi']);
		// The node panel files it where n8n's own chat models are: AI > Language Models > Chat Models (Recommended).
		const openAi = nodes.find((type) => type.name === '@n8n/n8n-nodes-langchain.lmChatOpenAi');
		assert.ok(openAi, "n8n's OpenAI Chat Model is registered (the reference for the panel category)");
		assert.deepEqual(chatModel.codex.categories, openAi.codex.categories);
		assert.deepEqual(chatModel.codex.subcategories, openAi.codex.subcategories);
		assert.deepEqual(chatModel.codex.subcategories, {
			AI: ['Language Models', 'Root Nodes'],
			'Language Models': ['Chat Models (Recommended)'],
		});
	});

	await harness.test('n8n registered the credential type nanoGptApi', async () => {
		const credentials = await typesOf(rest, 'credentials');
		const credential = credentials.find((type) => type.name === 'nanoGptApi');
		assert.ok(credential, 'credential types include nanoGptApi');
		assert.equal(credential.displayName, 'NanoGPT API');
		const names = credential.properties.map((property) => property.name);
		for (const name of ['apiKey', 'baseUrl']) assert.ok(names.includes(name), `the credential has the field ${name}: ${names}`);
	});

	await harness.test("a broken API key fails n8n's credential test", async () => {
		server.reset();
		const result = await saveAndTestCredential(rest, 'NanoGPT broken key', { apiKey: 'sk-nano-broken-key', baseUrl: server.baseUrl });
		assert.equal(result.status, 'Error', `credential test result: ${JSON.stringify(result)}`);
		// The credential's test rules: NanoGPT's advice instead of n8n's bare "Unauthorized". n8n 1.x applies such
		// rules only to answers that did not fail, so there the message is n8n's own.
		if (line === '1') assert.match(result.message, /Authorization failed|Unauthorized/);
		else assert.match(result.message, /^NanoGPT did not accept the API key\. Copy the key again from https:\/\/nano-gpt\.com\/api/);
		const [request] = server.requestsTo('POST', '/check-balance');
		assert.ok(request, 'the credential test called POST /check-balance');
		assert.equal(request.headers.authorization, 'Bearer sk-nano-broken-key');
	});

	await harness.test('the credential test never carries the key to another origin on a redirect', async () => {
		server.reset();
		const elsewhere = await recordingServer();
		try {
			server.on('POST', '/check-balance', { status: 302, headers: { location: `${elsewhere.origin}/api/check-balance` }, body: '' });
			const result = await saveAndTestCredential(rest, 'NanoGPT redirected', { apiKey: server.validKey, baseUrl: server.baseUrl });
			assert.equal(result.status, 'Error', `credential test result: ${JSON.stringify(result)}`);
			// n8n 1.x reports the unfollowed redirect in its own words; the key stays home on both lines.
			if (line === '1') assert.match(result.message, /302/);
			else assert.match(result.message, /^The Base URL answered with a redirect to another address\./);
			assert.equal(server.requestsTo('POST', '/check-balance').length, 1);
			const leaked = elsewhere.requests.filter((request) => request.headers.authorization || request.headers['x-api-key']);
			assert.deepEqual(leaked, [], 'the other origin received no Authorization or x-api-key header');
			assert.deepEqual(elsewhere.requests, [], 'the redirect was not followed');
		} finally {
			await elsewhere.stop();
			server.reset();
		}
	});

	await harness.test("a valid API key passes n8n's credential test", async () => {
		server.reset();
		const result = await saveAndTestCredential(rest, 'NanoGPT valid key', { apiKey: server.validKey, baseUrl: `${server.baseUrl}/v1/` });
		assert.equal(result.status, 'OK', `credential test result: ${JSON.stringify(result)}`);
		assert.equal(server.requestsTo('POST', '/check-balance').length, 1);
	});
}

module.exports = { runRegistrationChecks };
