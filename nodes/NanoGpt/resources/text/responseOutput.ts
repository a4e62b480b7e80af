import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { costOf, parseJsonAnswer } from './chatOutput';

function textsOf(content: unknown, type: string): string[] {
	if (!Array.isArray(content)) return [];
	return content
		.filter((part): part is IDataObject => !!part && typeof part === 'object' && (part as IDataObject).type === type)
		.map((part) => (typeof part.text === 'string' ? part.text : ''));
}

/** A Responses API object in the shape of Ask's simplified output (text, reasoning, json, tool calls, usage, cost). */
export function simplifyResponseObject(context: IExecuteSingleFunctions, body: IDataObject, parseJson: boolean): IDataObject {
	const output = Array.isArray(body.output) ? (body.output as IDataObject[]) : [];
	const messages = output.filter((item) => item && item.type === 'message');
	const text =
		typeof body.output_text === 'string'
			? body.output_text
			: messages.flatMap((item) => textsOf(item.content, 'output_text')).join('');
	const reasoning = output
		.filter((item) => item && item.type === 'reasoning')
		.flatMap((item) => [...textsOf(item.summary, 'summary_text'), ...textsOf(item.content, 'reasoning_text')])
		.join('\n');
	const toolCalls = output.filter((item) => item && item.type === 'function_call');
	const json: IDataObject = { text };
	if (reasoning !== '') json.reasoning = reasoning;
	if (parseJson && body.status === 'completed') json.json = parseJsonAnswer(context, text) as IDataObject;
	if (toolCalls.length) json.toolCalls = toolCalls;
	return {
		...json,
		id: body.id ?? null,
		status: body.status ?? null,
		model: body.model ?? null,
		usage: body.usage ?? {},
		...costOf(body),
		...(body.error ? { error: body.error } : {}),
		...(body.incomplete_details ? { incompleteDetails: body.incomplete_details } : {}),
	};
}

/** postReceive of Get Response (Simplify Output on by default). */
export async function simplifyResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	return [{ json: simplifyResponseObject(this, response.body as IDataObject, false) }];
}
