import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactSecrets } from '../../../shared/errors';

/** Cost fields: x_nanogpt_pricing (current) or nanoGPT (older responses). */
export function costOf(body: IDataObject): IDataObject {
	const pricing = (body.x_nanogpt_pricing ?? body.nanoGPT) as IDataObject | undefined;
	if (!pricing || typeof pricing !== 'object') return { cost: null };
	const cost = Number(pricing.cost ?? pricing.amount);
	return {
		cost: Number.isFinite(cost) ? cost : null,
		...(pricing.currency !== undefined ? { currency: pricing.currency } : {}),
		...(pricing.paymentSource !== undefined ? { paymentSource: pricing.paymentSource } : {}),
	};
}

function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content
			.map((part) => (part && typeof part === 'object' && typeof (part as IDataObject).text === 'string' ? (part as IDataObject).text : ''))
			.join('');
	}
	return '';
}

/** "the keys finish_reason, index" or "no keys", for messages about a malformed answer. */
export function describeKeys(value: IDataObject): string {
	const keys = Object.keys(value).slice(0, 8);
	return keys.length ? `the keys ${redactSecrets(keys.join(', '))}` : 'no keys';
}

/** Parses a JSON answer; tolerates a ```json fence around it. */
export function parseJsonAnswer(context: IExecuteSingleFunctions, text: string): unknown {
	const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
	try {
		return JSON.parse(unfenced);
	} catch {
		throw new NodeOperationError(context.getNode(), 'The model did not answer with valid JSON', {
			description: `The answer starts with: ${JSON.stringify(redactSecrets(text.slice(0, 200)))}. Try a model that supports structured output, or describe the JSON in the prompt.`,
		});
	}
}

/** postReceive for Simplify Output on Ask: one item with the answer and what it cost. */
export async function simplifyChatResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	const body = response.body as IDataObject;
	const choices = body.choices as IDataObject[] | undefined;
	const choice = Array.isArray(choices) ? choices[0] : undefined;
	if (!choice || typeof choice !== 'object') {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned no answer (the response has no choices)', {
			description: 'Run the node again; if it keeps happening, try another model.',
		});
	}
	const message = choice.message as IDataObject | undefined;
	if (!message || typeof message !== 'object' || Array.isArray(message)) {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned no answer (the first choice has no message)', {
			description: `The response's choices[0] has ${describeKeys(choice)} but no "message" object, so there is no answer to output. Run the node again; if it keeps happening, try another model or turn off Simplify Output to see the full response.`,
		});
	}
	const text = contentText(message.content);
	const reasoning = message.reasoning ?? message.reasoning_content;
	const output: IDataObject = { text };
	if (typeof reasoning === 'string' && reasoning !== '') output.reasoning = reasoning;
	const responseFormat = this.getNodeParameter('responseFormat', 'text') as string;
	if (responseFormat !== 'text') output.json = parseJsonAnswer(this, text) as IDataObject;
	if (Array.isArray(message.tool_calls) && message.tool_calls.length) output.toolCalls = message.tool_calls;
	Object.assign(output, {
		finishReason: choice.finish_reason ?? null,
		model: body.model ?? null,
		usage: body.usage ?? {},
		...costOf(body),
		id: body.id ?? null,
	});
	return [{ json: output }];
}
