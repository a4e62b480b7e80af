import type { ContentFile, ContentToolCall, Message, MessageContent } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';

import { nanoGptMetadataOf } from './reasoning';
import { normalizeToolArguments } from './toolArguments';
import type { ToolCallKey, ToolTurnReasoning } from './toolTurnReasoning';

/** Finds the reasoning of a tool turn that arrives without it (see toolTurnReasoning.ts). */
export type RecallReasoning = (calls: ToolCallKey[]) => ToolTurnReasoning | undefined;

function textOf(content: MessageContent[]): string {
	return content
		.filter((part): part is Extract<MessageContent, { type: 'text' }> => part.type === 'text')
		.map((part) => part.text)
		.join('');
}

function base64Of(data: string | Uint8Array): string {
	return typeof data === 'string' ? data : Buffer.from(data).toString('base64');
}

/** A file part: a URL the caller gave, a data URL, or base64 data turned into a data URL. */
function fileUrl(part: ContentFile): string {
	const url = part.providerMetadata?.url;
	if (typeof url === 'string' && url !== '') return url;
	if (typeof part.data === 'string' && /^(https?:|data:)/i.test(part.data)) return part.data;
	return `data:${part.mediaType ?? 'application/octet-stream'};base64,${base64Of(part.data)}`;
}

function userContent(content: MessageContent[]): string | IDataObject[] {
	const hasFiles = content.some((part) => part.type === 'file');
	if (!hasFiles) return textOf(content);
	const parts: IDataObject[] = [];
	for (const part of content) {
		if (part.type === 'text' && part.text !== '') parts.push({ type: 'text', text: part.text });
		if (part.type !== 'file') continue;
		if ((part.mediaType ?? '').startsWith('image/') || part.mediaType === undefined) {
			parts.push({ type: 'image_url', image_url: { url: fileUrl(part) } });
		} else {
			parts.push({ type: 'file', file: { file_data: fileUrl(part) } });
		}
	}
	return parts;
}

function toolResultText(result: unknown): string {
	if (typeof result === 'string') return result;
	if (Array.isArray(result)) {
		const texts = result.map((part) =>
			part && typeof part === 'object' && typeof (part as IDataObject).text === 'string'
				? ((part as IDataObject).text as string)
				: JSON.stringify(part),
		);
		return texts.join('');
	}
	return result === undefined ? '' : JSON.stringify(result);
}

/**
 * An assistant turn; on tool turns the reasoning goes back in the field it arrived in (plus reasoning_details). A tool
 * turn the root node rebuilt without its reasoning gets the remembered one.
 */
function assistantMessage(message: Message, recall?: RecallReasoning): IDataObject {
	const toolCalls = message.content.filter((part): part is ContentToolCall => part.type === 'tool-call');
	const text = textOf(message.content);
	const result: IDataObject = { role: 'assistant', content: text !== '' || toolCalls.length === 0 ? text : null };
	if (toolCalls.length === 0) return result;
	result.tool_calls = toolCalls.map((call, index) => ({
		id: call.toolCallId ?? `call_${index}`,
		type: 'function',
		function: { name: call.toolName, arguments: normalizeToolArguments(call.input) },
	}));
	const reasoning = message.content
		.filter((part) => part.type === 'reasoning')
		.map((part) => (part as { text: string }).text)
		.join('');
	const metadata = toolCalls.map((call) => nanoGptMetadataOf(call.providerMetadata)).find(Boolean);
	if (reasoning !== '') result[metadata?.reasoningField ?? 'reasoning'] = reasoning;
	if (metadata?.reasoningDetails !== undefined) result.reasoning_details = metadata.reasoningDetails as IDataObject;
	if (reasoning === '' && metadata === undefined && recall) {
		const recalled = recall(toolCalls.map((call) => ({ toolCallId: call.toolCallId ?? '', toolName: call.toolName })));
		if (recalled) {
			result[recalled.field] = recalled.text;
			if (recalled.details !== undefined) result.reasoning_details = recalled.details as IDataObject;
		}
	}
	return result;
}

/** n8n SDK messages as NanoGPT (OpenAI-compatible) chat messages. */
export function toNanoGptMessages(messages: Message[], recall?: RecallReasoning): IDataObject[] {
	const result: IDataObject[] = [];
	for (const message of messages) {
		switch (message.role) {
			case 'system':
				result.push({ role: 'system', content: textOf(message.content) });
				break;
			case 'user':
				result.push({ role: 'user', content: userContent(message.content) });
				break;
			case 'assistant':
				result.push(assistantMessage(message, recall));
				break;
			case 'tool':
				for (const part of message.content) {
					if (part.type !== 'tool-result') continue;
					result.push({ role: 'tool', tool_call_id: part.toolCallId, content: toolResultText(part.result) });
				}
				break;
		}
	}
	return result;
}
