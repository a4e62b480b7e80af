import { useFakeNanoGpt } from '../helpers/server';
import { chatModelParameters, completion, lc, runWithChatModel, sseBody, zod } from './harness';

const server = useFakeNanoGpt();

const calculator = {
	type: 'function',
	function: {
		name: 'calculator',
		description: 'Evaluates an arithmetic expression',
		parameters: {
			type: 'object',
			properties: { expression: { type: 'string' } },
			required: ['expression'],
		},
	},
};

const history = [new lc.SystemMessage('Use tools for arithmetic.'), new lc.HumanMessage('What is 6 * 7?')];

/** One agent step: model call with tools, run the tool, call the model again with the result. */
async function agentRoundTrip(model: any, toolResult = '42') {
	const bound = model.bindTools([calculator]);
	const first = await bound.invoke(history);
	const toolMessages = first.tool_calls.map(
		(call: any) => new lc.ToolMessage({ content: toolResult, tool_call_id: call.id, name: call.name }),
	);
	const second = await bound.invoke([...history, first, ...toolMessages]);
	return { toolCalls: first.tool_calls, answer: second.text };
}

test('a tool-call round trip: tools are sent, tool_calls come back, reasoning_content and the result go back', async () => {
	server.queue(
		'POST',
		'/v1/chat/completions',
		{
			json: completion(
				{
					content: null,
					reasoning_content: 'I should call the calculator.',
					tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'calculator', arguments: '{"expression":"6*7"}' } }],
				},
				{ finish_reason: 'tool_calls' },
			),
		},
		{ json: completion({ content: '6 * 7 = 42' }) },
	);
	const result = await runWithChatModel(chatModelParameters('deepseek/deepseek-v3.2:thinking'), agentRoundTrip, {
		baseUrl: server.baseUrl,
	});
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({
		toolCalls: [{ type: 'tool_call', id: 'call_abc', name: 'calculator', args: { expression: '6*7' } }],
		answer: '6 * 7 = 42',
	});
	const [first, second] = server.requestsTo('POST', '/v1/chat/completions');
	const sentTools = [
		{
			type: 'function',
			function: {
				name: 'calculator',
				description: 'Evaluates an arithmetic expression',
				parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
			},
		},
	];
	expect(first.json.tools).toEqual(sentTools);
	expect(second.json.tools).toEqual(sentTools);
	expect(second.json.messages).toEqual([
		{ role: 'system', content: 'Use tools for arithmetic.' },
		{ role: 'user', content: 'What is 6 * 7?' },
		{
			role: 'assistant',
			content: null,
			tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'calculator', arguments: '{"expression":"6*7"}' } }],
			reasoning_content: 'I should call the calculator.',
		},
		{ role: 'tool', tool_call_id: 'call_abc', content: '42' },
	]);
});

test('reasoning in `reasoning` goes back as `reasoning`, with reasoning_details, on the tool turn', async () => {
	const details = [{ type: 'reasoning.encrypted', data: 'opaque-signature' }];
	server.queue(
		'POST',
		'/v1/chat/completions',
		{
			json: completion(
				{
					content: 'Let me compute that.',
					reasoning: 'Multiply.',
					reasoning_details: details,
					tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '{"expression":"6*7"}' } }],
				},
				{ finish_reason: 'tool_calls' },
			),
		},
		{ json: completion({ content: '42', reasoning: 'Done.' }) },
	);
	const result = await runWithChatModel(chatModelParameters('anthropic/claude-opus-4.5:thinking'), agentRoundTrip, {
		baseUrl: server.baseUrl,
	});
	expect(result.error).toBeUndefined();
	expect(result.output?.answer).toBe('42');
	const assistant = server.requestsTo('POST', '/v1/chat/completions')[1].json.messages[2];
	expect(assistant).toEqual({
		role: 'assistant',
		content: 'Let me compute that.',
		tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '{"expression":"6*7"}' } }],
		reasoning: 'Multiply.',
		reasoning_details: details,
	});
	expect(assistant).not.toHaveProperty('reasoning_content');
});

test.each([
	['an empty string', ''],
	['null', null],
	['invalid JSON', '{"expression": "6*7"'],
	['a JSON array', '[1,2]'],
])('tool-call arguments given as %s become {}', async (_label, rawArguments) => {
	server.queue(
		'POST',
		'/v1/chat/completions',
		{
			json: completion(
				{ content: '', tool_calls: [{ id: 'call_e', type: 'function', function: { name: 'calculator', arguments: rawArguments } }] },
				{ finish_reason: 'tool_calls' },
			),
		},
		{ json: completion({ content: 'I could not compute it.' }) },
	);
	const result = await runWithChatModel(chatModelParameters('anthropic/claude-opus-4.5'), agentRoundTrip, {
		baseUrl: server.baseUrl,
	});
	expect(result.error).toBeUndefined();
	expect((result.output?.toolCalls as any[])[0].args).toEqual({});
	const assistant = server.requestsTo('POST', '/v1/chat/completions')[1].json.messages[2];
	expect(assistant.tool_calls[0].function.arguments).toBe('{}');
});

test('fenced and double-encoded arguments are decoded', async () => {
	server.queue(
		'POST',
		'/v1/chat/completions',
		{
			json: completion(
				{
					content: '',
					tool_calls: [
						{ id: 'a', type: 'function', function: { name: 'calculator', arguments: '```json\n{"expression":"1+1"}\n```' } },
						{ id: 'b', type: 'function', function: { name: 'calculator', arguments: JSON.stringify('{"expression":"2+2"}') } },
					],
				},
				{ finish_reason: 'tool_calls' },
			),
		},
		{ json: completion({ content: '2 and 4' }) },
	);
	const result = await runWithChatModel(chatModelParameters('moonshotai/kimi-k2.5'), agentRoundTrip, { baseUrl: server.baseUrl });
	expect(result.error).toBeUndefined();
	expect((result.output?.toolCalls as any[]).map((call) => call.args)).toEqual([{ expression: '1+1' }, { expression: '2+2' }]);
});

test('Zod tool schemas (as n8n tools define them) are sent as JSON schema; Parallel Tool Calls is sent with tools', async () => {
	server.on('POST', '/v1/chat/completions', { json: completion({ content: 'ok' }) });
	const weather = { name: 'get_weather', description: 'Weather for a city', schema: zod.object({ city: zod.string() }) };
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2', { parallelToolCalls: false }),
		async (model) => ({ text: (await model.bindTools([weather]).invoke('Weather in Oslo?')).text }),
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	const body = server.lastRequest().json;
	expect(body.parallel_tool_calls).toBe(false);
	expect(body.tools).toHaveLength(1);
	expect(body.tools[0].function.name).toBe('get_weather');
	expect(body.tools[0].function.parameters).toMatchObject({
		type: 'object',
		properties: { city: { type: 'string' } },
		required: ['city'],
	});
	expect(body.tools[0].function.parameters).not.toHaveProperty('$schema');
});

test('streaming: text arrives in chunks, parallel tool calls stay apart, reasoning and usage are kept', async () => {
	const chunk = (delta: object, extra: object = {}) => ({
		id: 'chatcmpl-s',
		object: 'chat.completion.chunk',
		choices: [{ index: 0, delta, finish_reason: null }],
		...extra,
	});
	server.on('POST', '/v1/chat/completions', {
		headers: { 'content-type': 'text/event-stream' },
		body: sseBody([
			chunk({ role: 'assistant', reasoning: 'Two ' }),
			chunk({ reasoning: 'lookups.' }),
			chunk({ content: 'Checking ' }),
			chunk({ content: 'both.' }),
			chunk({ tool_calls: [{ index: 0, id: 'call_x', type: 'function', function: { name: 'calculator', arguments: '{"expr' } }] }),
			chunk({ tool_calls: [{ index: 1, id: 'call_y', type: 'function', function: { name: 'calculator', arguments: '' } }] }),
			chunk({ tool_calls: [{ index: 0, function: { arguments: 'ession":"1+1"}' } }] }),
			{ id: 'chatcmpl-s', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
			{ id: 'chatcmpl-s', choices: [], usage: { prompt_tokens: 30, completion_tokens: 9, total_tokens: 39 } },
		]),
	});
	const result = await runWithChatModel(
		chatModelParameters('z-ai/glm-4.6'),
		async (model) => {
			const deltas: string[] = [];
			let full: any;
			for await (const part of await model.bindTools([calculator]).stream('Add things')) {
				if (typeof part.text === 'string' && part.text !== '') deltas.push(part.text);
				full = full ? full.concat(part) : part;
			}
			return {
				deltas,
				text: full.text,
				toolCalls: full.tool_calls.map((call: any) => ({ id: call.id, name: call.name, args: call.args })),
				reasoning: full.content.filter((block: any) => block.type === 'reasoning').map((block: any) => block.reasoning),
				usage: full.usage_metadata,
			};
		},
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({
		deltas: ['Checking ', 'both.'],
		text: 'Checking both.',
		toolCalls: [
			{ id: 'call_x', name: 'calculator', args: { expression: '1+1' } },
			{ id: 'call_y', name: 'calculator', args: {} },
		],
		reasoning: ['Two lookups.'],
		usage: expect.objectContaining({ input_tokens: 30, output_tokens: 9, total_tokens: 39 }),
	});
	const body = server.lastRequest().json;
	expect(body.stream).toBe(true);
	expect(body.stream_options).toEqual({ include_usage: true });
	expect(server.lastRequest().headers.accept).toBe('text/event-stream');
});

test('streaming: an error event fails the call instead of truncating the answer', async () => {
	server.on('POST', '/v1/chat/completions', {
		headers: { 'content-type': 'text/event-stream' },
		body: sseBody([
			{ id: 's', choices: [{ index: 0, delta: { content: 'Partial' }, finish_reason: null }] },
			{ error: { message: 'Upstream provider failed', type: 'server_error', code: 'all_fallbacks_failed' } },
		]),
	});
	const result = await runWithChatModel(
		chatModelParameters('openai/gpt-5.2'),
		async (model) => {
			let text = '';
			for await (const part of await model.stream('Hello')) text += part.text ?? '';
			return { text };
		},
		{ baseUrl: server.baseUrl },
	);
	expect(result.error).toBeDefined();
	expect(`${result.error?.message} ${result.error?.description}`).toContain('Upstream provider failed');
});
