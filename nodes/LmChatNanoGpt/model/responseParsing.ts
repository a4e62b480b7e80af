import type { FinishReason, GenerateResult, MessageContent, TokenUsage } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';

import { METADATA_KEY, reasoningOf, type NanoGptMetadata } from './reasoning';
import { normalizeToolArguments } from './toolArguments';

const FINISH_REASONS: Record<string, FinishReason> = {
	stop: 'stop',
	end_turn: 'stop',
	length: 'length',
	max_tokens: 'length',
	tool_calls: 'tool-calls',
	function_call: 'tool-calls',
	tool_use: 'tool-calls',
	content_filter: 'content-filter',
	error: 'error',
};

/** A model answer that cannot be used (no text and no tool call); the node reports it with advice. */
export class EmptyAnswerError extends Error {
	constructor(readonly finishReason: string | undefined) {
		super('NanoGPT returned an empty answer');
	}
}

export function finishReasonOf(raw: unknown, hasToolCalls: boolean): FinishReason {
	const mapped = typeof raw === 'string' ? (FINISH_REASONS[raw] ?? 'other') : 'stop';
	return hasToolCalls && (mapped === 'stop' || mapped === 'other') ? 'tool-calls' : mapped;
}

function numberOf(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** The cost NanoGPT reports (x_nanogpt_pricing, or nanoGPT in older responses). */
export function costOf(body: IDataObject): number | undefined {
	const pricing = (body.x_nanogpt_pricing ?? body.nanoGPT) as IDataObject | undefined;
	return pricing ? numberOf(pricing.cost ?? pricing.amount) : undefined;
}

export function usageOf(body: IDataObject): TokenUsage | undefined {
	const usage = body.usage as IDataObject | undefined;
	if (!usage || typeof usage !== 'object') return undefined;
	const promptTokens = numberOf(usage.prompt_tokens) ?? 0;
	const completionTokens = numberOf(usage.completion_tokens) ?? 0;
	const cached = numberOf((usage.prompt_tokens_details as IDataObject | undefined)?.cached_tokens);
	const reasoning =
		numberOf((usage.completion_tokens_details as IDataObject | undefined)?.reasoning_tokens) ??
		numberOf(usage.reasoning_tokens);
	const cost = costOf(body);
	return {
		promptTokens,
		completionTokens,
		totalTokens: numberOf(usage.total_tokens) ?? promptTokens + completionTokens,
		...(cached !== undefined ? { inputTokenDetails: { cacheRead: cached } } : {}),
		...(reasoning !== undefined ? { outputTokenDetails: { reasoning } } : {}),
		...(cost !== undefined ? { additionalMetadata: { cost } } : {}),
	};
}

function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.map((part) => (part && typeof part === 'object' && typeof (part as IDataObject).text === 'string' ? (part as IDataObject).text : ''))
		.join('');
}

/** A NanoGPT chat completion as an n8n SDK result: reasoning, text and tool calls (arguments always a JSON object). */
export function fromChatCompletion(body: IDataObject, modelId: string): GenerateResult {
	const choice = ((body.choices as IDataObject[] | undefined) ?? [])[0] ?? {};
	const message = (choice.message ?? {}) as IDataObject;
	const content: MessageContent[] = [];
	const reasoning = reasoningOf(message);
	if (reasoning) content.push({ type: 'reasoning', text: reasoning.text });
	const text = contentText(message.content);
	if (text !== '') content.push({ type: 'text', text });

	const metadata: NanoGptMetadata = {
		model: typeof body.model === 'string' ? body.model : modelId,
		...(reasoning ? { reasoningField: reasoning.field } : {}),
		...(message.reasoning_details !== undefined ? { reasoningDetails: message.reasoning_details } : {}),
		...(costOf(body) !== undefined ? { cost: costOf(body) } : {}),
	};
	const rawCalls = Array.isArray(message.tool_calls) ? (message.tool_calls as IDataObject[]) : [];
	rawCalls.forEach((call, index) => {
		const fn = (call.function ?? {}) as IDataObject;
		if (typeof fn.name !== 'string' || fn.name === '') return;
		content.push({
			type: 'tool-call',
			toolCallId: typeof call.id === 'string' && call.id !== '' ? call.id : `call_${index}`,
			toolName: fn.name,
			input: normalizeToolArguments(fn.arguments),
		});
	});
	const hasToolCalls = content.some((part) => part.type === 'tool-call');
	if (text.trim() === '' && !hasToolCalls) {
		throw new EmptyAnswerError(typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined);
	}
	return {
		id: typeof body.id === 'string' ? body.id : undefined,
		finishReason: finishReasonOf(choice.finish_reason, hasToolCalls),
		usage: usageOf(body),
		message: { role: 'assistant', content, ...(typeof body.id === 'string' ? { id: body.id } : {}) },
		providerMetadata: { [METADATA_KEY]: metadata },
		rawResponse: body,
	};
}
