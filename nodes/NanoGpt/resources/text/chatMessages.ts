import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { IMAGE_RULE, readCheckedBinary, toDataUrl } from '../../shared/binary';
import { optionalText, requireText, requireUrl, textParameter } from '../../shared/parameters';

type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: string } };
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string | ContentPart[];
}

const ROLES = ['system', 'user', 'assistant'];

async function imageParts(context: IExecuteSingleFunctions): Promise<ContentPart[]> {
	const entries = context.getNodeParameter('images.image', []) as IDataObject[];
	const parts: ContentPart[] = [];
	for (const entry of entries) {
		const detailText = optionalText(context, entry.detail, 'Images > Detail');
		const detail = detailText !== '' && detailText !== 'auto' ? detailText : undefined;
		let url: string;
		if (entry.source === 'url') {
			url = requireUrl(context, entry.imageUrl, 'Image URL', { dataUrlKind: 'image' });
		} else {
			const binary = await readCheckedBinary(context, entry.binaryPropertyName ?? 'data', 'Input Binary Field', IMAGE_RULE);
			url = toDataUrl(binary);
		}
		parts.push({ type: 'image_url', image_url: detail ? { url, detail } : { url } });
	}
	return parts;
}

function simpleMessages(context: IExecuteSingleFunctions): ChatMessage[] {
	const system = textParameter(context, context.getNodeParameter('systemPrompt', ''), 'System Prompt');
	const prompt = requireText(context, context.getNodeParameter('prompt', ''), 'Prompt');
	const messages: ChatMessage[] = [];
	if (system.trim() !== '') messages.push({ role: 'system', content: system });
	messages.push({ role: 'user', content: prompt });
	return messages;
}

function listedMessages(context: IExecuteSingleFunctions): ChatMessage[] {
	const entries = context.getNodeParameter('messages.message', []) as IDataObject[];
	if (entries.length === 0) {
		throw new NodeOperationError(context.getNode(), 'The parameter "Messages" has no messages', {
			description: 'Add at least one message, or switch Prompt Mode to Simple.',
		});
	}
	return entries.map((entry, index) => {
		const role = textParameter(context, entry.role ?? 'user', `Messages > Message ${index + 1} > Role`);
		if (!ROLES.includes(role)) {
			throw new NodeOperationError(context.getNode(), `Message ${index + 1} has an unknown role "${role}"`, {
				description: 'Use system, user or assistant.',
			});
		}
		const content = requireText(context, entry.content, `Messages > Message ${index + 1} > Content`);
		return { role: role as ChatMessage['role'], content };
	});
}

/** Builds the messages array: system prompt first in Simple mode; images join the last user message. */
export async function buildChatMessages(context: IExecuteSingleFunctions): Promise<ChatMessage[]> {
	const mode = context.getNodeParameter('promptMode', 'simple') as string;
	const messages = mode === 'messages' ? listedMessages(context) : simpleMessages(context);
	const images = await imageParts(context);
	if (images.length === 0) return messages;
	let target = [...messages].reverse().find((message) => message.role === 'user');
	if (!target) {
		target = { role: 'user', content: [] };
		messages.push(target);
	}
	const text = typeof target.content === 'string' ? target.content : '';
	target.content = [...(text !== '' ? [{ type: 'text' as const, text }] : []), ...images];
	return messages;
}
