'use strict';
// examples/ai-agent-web-tools.json: AI Agent with the NanoGPT Chat Model and two NanoGPT node tools: Web > Search and
// Web > Scrape URLs, each with a $fromAI parameter. NanoGPT (fake) asks for a search, then a page, then answers.
const assert = require('node:assert/strict');

const FINAL_ANSWER = 'The latest n8n release brings faster AI agents.';

function completion(id, message, finishReason) {
	return {
		json: {
			id,
			object: 'chat.completion',
			created: 1795300000,
			model: 'openai/gpt-5.2',
			choices: [{ index: 0, message, finish_reason: finishReason }],
			usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
		},
	};
}

function searchThenReadThenAnswer() {
	let calls = 0;
	return () => {
		calls++;
		if (calls === 1) {
			return completion('chatcmpl-e2e-web-1', { role: 'assistant', content: '', tool_calls: [{ id: 'call_search', type: 'function', function: { name: 'Web_Search', arguments: '{"query":"latest n8n release"}' } }] }, 'tool_calls');
		}
		if (calls === 2) {
			return completion('chatcmpl-e2e-web-2', { role: 'assistant', content: '', tool_calls: [{ id: 'call_read', type: 'function', function: { name: 'Read_Web_Page', arguments: '{"url":"https://example.com/search/1"}' } }] }, 'tool_calls');
		}
		return completion('chatcmpl-e2e-web-3', { role: 'assistant', content: FINAL_ANSWER }, 'stop');
	};
}

module.exports = {
	lines: ['2'],
	linesReason: 'the example uses the NanoGPT Chat Model (needs @n8n/ai-node-sdk, n8n >= 2.16) and AI Agent 3.1',
	routes: { 'POST /v1/chat/completions': searchThenReadThenAnswer() },
	check({ server, outputOf }) {
		const chats = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(chats.length, 3, 'search, read, answer');
		const tools = Object.fromEntries(chats[0].json.tools.map((tool) => [tool.function.name, tool.function]));
		assert.deepEqual(Object.keys(tools).sort(), ['Read_Web_Page', 'Web_Search']);
		assert.equal(tools.Web_Search.description, 'Search the web. Returns results with title, url and content.');
		assert.deepEqual(Object.keys(tools.Web_Search.parameters.properties), ['query']);
		assert.equal(tools.Web_Search.parameters.properties.query.description, 'What to search the web for');
		assert.deepEqual(Object.keys(tools.Read_Web_Page.parameters.properties), ['url']);

		assert.deepEqual(server.requestsTo('POST', '/web').map((request) => request.json), [
			{ query: 'latest n8n release', provider: 'linkup', outputType: 'searchResults', depth: 'standard', maxResults: 3 },
		]);
		assert.deepEqual(server.requestsTo('POST', '/scrape-urls').map((request) => request.json), [{ urls: ['https://example.com/search/1'] }]);

		const toolMessages = chats[2].json.messages.filter((message) => message.role === 'tool');
		assert.equal(toolMessages.length, 2);
		assert.ok(toolMessages[0].content.includes('Result 1 for latest n8n release'), toolMessages[0].content);
		assert.ok(toolMessages[1].content.includes('Scraped text of https://example.com/search/1'), toolMessages[1].content);
		assert.deepEqual(outputOf('AI Agent').map((item) => item.json), [{ output: FINAL_ANSWER }]);
	},
};
