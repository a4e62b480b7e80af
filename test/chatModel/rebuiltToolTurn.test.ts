import { recallToolTurnReasoning, rememberToolTurnReasoning } from '../../nodes/LmChatNanoGpt/model/toolTurnReasoning';
import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, completion, lc, runWithChatModel, sseBody } from './harness';

const server = useFakeNanoGpt();

const calculator = {
	type: 'function',
	function: {
		name: 'Calculator',
		description: 'Evaluates an arithmetic expression',
		parameters: { type: 'object', properties: { input: { type: 'string' } } },
	},
};

const history = [new lc.SystemMessage('Use tools for arithmetic.'), new lc.HumanMessage('What is 1234 * 5678?')];

/**
 * What n8n 2.x's AI Agent (3.x) does: the tool runs as a separate engine step, and the next model call gets an
 * assistant turn rebuilt from the agent's records (the tool call, with the call ID added to its arguments) instead of
 * the model's own message, so neither the reasoning block nor the response metadata survive.
 */
async function agentWithRebuiltToolTurn(model: any) {
	const bound = model.bindTools([calculator]);
	const first = await bound.invoke(history);
	const rebuilt = first.tool_calls.map(
		(call: any) =>
			new lc.AIMessage({ content: [], tool_calls: [{ ...call, args: { ...call.args, id: call.id }, type: 'tool_call' }] }),
	);
	const results = first.tool_calls.map(
		(call: any) => new lc.ToolMessage({ content: '[{"response":"7006652"}]', tool_call_id: call.id, name: call.name }),
	);
	const second = await model.bindTools([calculator]).invoke([...history, ...rebuilt, ...results]);
	return { answer: second.text };
}

function toolCallTurn(message: object) {
	return { json: completion({ content: '', ...message }, { finish_reason: 'tool_calls' }) };
}

const calculatorCall = (id: string) => ({
	id,
	type: 'function',
	function: { name: 'Calculator', arguments: '{"input":"1234 * 5678"}' },
});

test('a tool turn the AI Agent rebuilt without reasoning gets it back, in the field it arrived in', async () => {
	server.queue(
		'POST',
		'/v1/chat/completions',
		toolCallTurn({ reasoning_content: 'Use the calculator.', tool_calls: [calculatorCall('call_rebuilt_1')] }),
		{ json: completion({ content: '7,006,652' }) },
	);
	const result = await runWithChatModel(chatModelParameters('deepseek/deepseek-v3.2:thinking'), agentWithRebuiltToolTurn, {
		baseUrl: server.baseUrl,
	});
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({ answer: '7,006,652' });
	const assistant = server.requestsTo('POST', '/v1/chat/completions')[1].json.messages[2];
	expect(assistant).toEqual({
		role: 'assistant',
		content: null,
		tool_calls: [
			{
				id: 'call_rebuilt_1',
				type: 'function',
				function: { name: 'Calculator', arguments: '{"input":"1234 * 5678","id":"call_rebuilt_1"}' },
			},
		],
		reasoning_content: 'Use the calculator.',
	});
});

test('reasoning_details come back with the reasoning of a rebuilt tool turn', async () => {
	const details = [{ type: 'reasoning.encrypted', data: 'opaque-signature' }];
	server.queue(
		'POST',
		'/v1/chat/completions',
		toolCallTurn({ reasoning: 'Multiply.', reasoning_details: details, tool_calls: [calculatorCall('call_rebuilt_2')] }),
		{ json: completion({ content: '7,006,652' }) },
	);
	const result = await runWithChatModel(chatModelParameters('anthropic/claude-opus-4.5:thinking'), agentWithRebuiltToolTurn, {
		baseUrl: server.baseUrl,
	});
	expect(result.error).toBeUndefined();
	const assistant = server.requestsTo('POST', '/v1/chat/completions')[1].json.messages[2];
	expect(assistant.reasoning).toBe('Multiply.');
	expect(assistant.reasoning_details).toEqual(details);
	expect(assistant).not.toHaveProperty('reasoning_content');
});

test('a streamed tool turn that the AI Agent rebuilt gets its reasoning back as `reasoning`', async () => {
	const chunk = (delta: object, finishReason: string | null = null) => ({
		id: 'chatcmpl-s',
		object: 'chat.completion.chunk',
		choices: [{ index: 0, delta, finish_reason: finishReason }],
	});
	server.queue(
		'POST',
		'/v1/chat/completions',
		{
			headers: { 'content-type': 'text/event-stream' },
			body: sseBody([
				chunk({ role: 'assistant', reasoning_content: 'Stream ' }),
				chunk({ reasoning_content: 'thinking.' }),
				chunk({ tool_calls: [{ index: 0, ...calculatorCall('call_streamed_1') }] }),
				chunk({}, 'tool_calls'),
			]),
		},
		{ json: completion({ content: '7,006,652' }) },
	);
	const result = await runWithChatModel(
		chatModelParameters('moonshotai/kimi-k2-thinking'),
		async (model) => {
			let first: any;
			for await (const part of await model.bindTools([calculator]).stream(history)) first = first ? first.concat(part) : part;
			const rebuilt = new lc.AIMessage({
				content: [],
				tool_calls: [{ id: 'call_streamed_1', name: 'Calculator', args: { input: '1234 * 5678', id: 'call_streamed_1' }, type: 'tool_call' }],
			});
			const toolResult = new lc.ToolMessage({ content: '7006652', tool_call_id: 'call_streamed_1', name: 'Calculator' });
			const second = await model.bindTools([calculator]).invoke([...history, rebuilt, toolResult]);
			return { streamedCalls: first.tool_calls.length, answer: second.text };
		},
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({ streamedCalls: 1, answer: '7,006,652' });
	const assistant = server.requestsTo('POST', '/v1/chat/completions')[1].json.messages[2];
	expect(assistant.reasoning).toBe('Stream thinking.');
	expect(assistant).not.toHaveProperty('reasoning_content');
});

describe('the remembered reasoning of tool turns', () => {
	const reasoning = { text: 'Think.', field: 'reasoning' as const };

	test('belongs to one execution and one tool call', () => {
		rememberToolTurnReasoning('execution-a', [{ toolCallId: 'call_unit_1', toolName: 'Calculator' }], reasoning);
		expect(recallToolTurnReasoning('execution-a', [{ toolCallId: 'call_unit_1', toolName: 'Calculator' }])).toEqual(reasoning);
		expect(recallToolTurnReasoning('execution-b', [{ toolCallId: 'call_unit_1', toolName: 'Calculator' }])).toBeUndefined();
		expect(recallToolTurnReasoning('execution-a', [{ toolCallId: 'call_unit_1', toolName: 'Other Tool' }])).toBeUndefined();
		expect(recallToolTurnReasoning('execution-a', [{ toolCallId: 'call_unit_2', toolName: 'Calculator' }])).toBeUndefined();
	});

	test("is not kept for the model's fallback IDs (call_<index>) or for empty reasoning", () => {
		rememberToolTurnReasoning('execution-c', [{ toolCallId: 'call_0', toolName: 'Calculator' }], reasoning);
		expect(recallToolTurnReasoning('execution-c', [{ toolCallId: 'call_0', toolName: 'Calculator' }])).toBeUndefined();
		rememberToolTurnReasoning('execution-c', [{ toolCallId: 'call_unit_3', toolName: 'Calculator' }], { text: '', field: 'reasoning' });
		expect(recallToolTurnReasoning('execution-c', [{ toolCallId: 'call_unit_3', toolName: 'Calculator' }])).toBeUndefined();
	});

	test('keeps the 200 most recent tool calls', () => {
		for (let index = 0; index < 201; index++) {
			rememberToolTurnReasoning('execution-d', [{ toolCallId: `call_many_${index}`, toolName: 'Calculator' }], reasoning);
		}
		expect(recallToolTurnReasoning('execution-d', [{ toolCallId: 'call_many_0', toolName: 'Calculator' }])).toBeUndefined();
		expect(recallToolTurnReasoning('execution-d', [{ toolCallId: 'call_many_1', toolName: 'Calculator' }])).toEqual(reasoning);
		expect(recallToolTurnReasoning('execution-d', [{ toolCallId: 'call_many_200', toolName: 'Calculator' }])).toEqual(reasoning);
	});
});
