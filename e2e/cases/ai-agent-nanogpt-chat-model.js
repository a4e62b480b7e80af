'use strict';
// examples/ai-agent-nanogpt-chat-model.json: Manual Trigger -> AI Agent (prompt defined in the node) with the NanoGPT
// Chat Model and n8n's Calculator tool. NanoGPT first answers with a tool call (plus reasoning), then with the answer.
const assert = require('node:assert/strict');

const { resultDataOf } = require('../runData');

const MODEL = 'openai/gpt-5.2';
const SYSTEM_MESSAGE =
	'You are a careful inventory assistant. Always use the calculator tool for arithmetic and never calculate in your head.';
const PROMPT =
	'Our warehouse has 1234 pallets with 5678 units on each. How many units are in stock? Use the calculator and answer in one sentence.';
const TOOL_CALL_ID = 'call_e2e_calculator_1';
const REASONING = 'The user wants 1234 * 5678. I must not calculate in my head, so I call the Calculator tool.';
const FINAL_ANSWER = 'There are 7,006,652 units in stock (1234 pallets x 5678 units).';

/** n8n names a tool after its node: the Calculator node is the tool "Calculator". */
const CALCULATOR_TOOL = {
	type: 'function',
	function: {
		name: 'Calculator',
		description:
			'Useful for getting the result of a math expression. The input to this tool should be a valid mathematical expression that could be executed by a simple calculator.',
		parameters: { type: 'object', properties: { input: { type: 'string' } }, additionalProperties: false },
	},
};

function completion(id, message, finishReason, usage) {
	return {
		json: {
			id,
			object: 'chat.completion',
			created: 1795300000,
			model: MODEL,
			choices: [{ index: 0, message, finish_reason: finishReason }],
			usage,
			x_nanogpt_pricing: { cost: 0.0004, currency: 'USD', paymentSource: 'USD' },
		},
	};
}

/** First call: a tool call with reasoning (NanoGPT's OpenAI-compatible shape); every later call: the final answer. */
function toolCallThenAnswer() {
	let calls = 0;
	return () =>
		++calls === 1
			? completion(
					'chatcmpl-e2e-agent-1',
					{
						role: 'assistant',
						content: '',
						reasoning: REASONING,
						tool_calls: [
							{ id: TOOL_CALL_ID, type: 'function', function: { name: 'Calculator', arguments: '{"input":"1234 * 5678"}' } },
						],
					},
					'tool_calls',
					{ prompt_tokens: 180, completion_tokens: 40, total_tokens: 220 },
				)
			: completion(
					'chatcmpl-e2e-agent-2',
					{ role: 'assistant', content: FINAL_ANSWER },
					'stop',
					{ prompt_tokens: 260, completion_tokens: 20, total_tokens: 280 },
				);
}

module.exports = {
	lines: ['2'],
	linesReason:
		'the NanoGPT Chat Model needs @n8n/ai-node-sdk (first shipped with n8n 2.16.0) and the example uses AI Agent 3.1; the 1.x scenario below checks what 1.x does instead',
	routes: { 'POST /v1/chat/completions': toolCallThenAnswer() },
	check({ server, outputOf, validKey, run }) {
		const requests = server.requestsTo('POST', '/v1/chat/completions');
		assert.equal(requests.length, 2, 'two chat requests: the tool call, then the final answer');
		for (const request of requests) assert.equal(request.headers.authorization, `Bearer ${validKey}`);

		const [first, second] = requests.map((request) => request.json);
		const conversation = [
			{ role: 'system', content: SYSTEM_MESSAGE },
			{ role: 'user', content: PROMPT },
		];
		// The model and options of the example (Temperature 0.2, Max Tokens 1024) and the Calculator as a tool.
		// The agent does not stream under `n8n execute`.
		assert.deepEqual(first, { model: MODEL, messages: conversation, max_tokens: 1024, temperature: 0.2, tools: [CALCULATOR_TOOL] });

		assert.deepEqual(second.messages.slice(0, 2), conversation);
		assert.equal(second.messages.length, 4, `conversation, tool call, tool result: ${JSON.stringify(second.messages)}`);
		const [assistant, tool] = second.messages.slice(2);
		assert.equal(assistant.role, 'assistant');
		assert.equal(assistant.content, null);
		assert.equal(assistant.tool_calls.length, 1);
		const [call] = assistant.tool_calls;
		assert.equal(call.id, TOOL_CALL_ID);
		assert.equal(call.type, 'function');
		assert.equal(call.function.name, 'Calculator');
		// n8n's agent rebuilds the tool call from its own records and adds the call ID to the arguments.
		assert.deepEqual(JSON.parse(call.function.arguments), { input: '1234 * 5678', id: TOOL_CALL_ID });
		// The reasoning of the tool turn goes back in the field it arrived in (reasoning models need it on tool turns).
		assert.equal(assistant.reasoning, REASONING, `the assistant tool-call message: ${JSON.stringify(assistant)}`);
		assert.equal(assistant.reasoning_content, undefined);
		assert.deepEqual(tool, { role: 'tool', tool_call_id: TOOL_CALL_ID, content: JSON.stringify([{ response: '7006652' }]) });
		assert.deepEqual(second.tools, [CALCULATOR_TOOL]);

		// The Calculator really ran, with the model's input.
		const calculator = runsOf(run, 'Calculator');
		assert.equal(calculator.length, 1, 'the Calculator ran once');
		assert.deepEqual(calculator[0].inputOverride.ai_tool[0][0].json, { input: '1234 * 5678' });
		assert.deepEqual(calculator[0].data.ai_tool[0][0].json, { response: '7006652' });

		// The chat model ran once per model call and reported NanoGPT's token usage to n8n.
		const model = runsOf(run, 'NanoGPT Chat Model');
		assert.equal(model.length, 2);
		assert.deepEqual(model[1].data.ai_languageModel[0][0].json.tokenUsage, { promptTokens: 260, completionTokens: 20, totalTokens: 280 });

		const items = outputOf('AI Agent');
		assert.equal(items.length, 1);
		assert.deepEqual(items[0].json, { output: FINAL_ANSWER });
	},
	scenarios: [
		{
			name: 'n8n 1.x: the package loads, but the NanoGPT Chat Model fails with "This n8n version cannot run the NanoGPT Chat Model"',
			lines: ['1'],
			linesReason: 'n8n 2.x ships the AI node SDK; the main check covers it',
			// n8n 1.x knows the AI Agent up to version 3 (3.1 is 2.x only).
			variant: (workflow) => ({
				...workflow,
				id: 'nanogptAiAgentOnN8n1',
				nodes: workflow.nodes.map((node) => (node.name === 'AI Agent' ? { ...node, typeVersion: 3 } : node)),
			}),
			expectFailure: true,
			routes: { 'POST /v1/chat/completions': toolCallThenAnswer() },
			check({ server, error }) {
				// n8n 1.x wraps a sub-node's error: its message becomes the description.
				assert.equal(error.message, 'Error in sub-node NanoGPT Chat Model');
				assert.equal(error.description, 'This n8n version cannot run the NanoGPT Chat Model');
				assert.equal(error.node.name, 'NanoGPT Chat Model');
				assert.equal(server.requestsTo('POST', '/v1/chat/completions').length, 0, 'no request reached NanoGPT');
			},
		},
	],
};

/** Every run of a node (sub-nodes run once per call of their root node). */
function runsOf(run, nodeName) {
	const runs = resultDataOf(run).runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run`);
	return runs;
}
