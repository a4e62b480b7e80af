import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bodyOf, checkNumberInRange, parseJsonParameter } from '../../shared/parameters';

const show = { resource: ['text'], operation: ['compressMemory'] };

/** MemoryRequest.messages[].role */
const MEMORY_ROLES = ['system', 'user', 'assistant', 'tool', 'function'];

export const compressMemoryFields: INodeProperties[] = [
	{
		displayName: 'Messages Input',
		name: 'memoryMessagesInput',
		type: 'options',
		default: 'list',
		displayOptions: { show },
		options: [
			{ name: 'Message List', value: 'list', description: 'Enter the messages one by one' },
			{ name: 'JSON', value: 'json', description: 'An array of {role, content} messages, for example from a previous node' },
		],
	},
	{
		displayName: 'Messages',
		name: 'memoryMessages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: { message: [{ role: 'user', content: '' }] },
		placeholder: 'Add Message',
		description: 'The conversation to compress, oldest first',
		displayOptions: { show: { ...show, memoryMessagesInput: ['list'] } },
		options: [
			{
				displayName: 'Message',
				name: 'message',
				values: [
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						default: 'user',
						options: [
							{ name: 'Assistant', value: 'assistant' },
							{ name: 'System', value: 'system' },
							{ name: 'Tool', value: 'tool' },
							{ name: 'User', value: 'user' },
						],
					},
					{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 3 }, default: '' },
				],
			},
		],
	},
	{
		displayName: 'Messages (JSON)',
		name: 'memoryMessagesJson',
		type: 'json',
		default: '[\n  { "role": "user", "content": "Hello" },\n  { "role": "assistant", "content": "Hi! How can I help?" }\n]',
		description: 'A JSON array of messages with role (system, user, assistant, tool, function) and content, for example an expression that returns the messages of a previous node',
		displayOptions: { show: { ...show, memoryMessagesInput: ['json'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Expiration Days',
				name: 'expirationDays',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1, maxValue: 365, numberPrecision: 0 },
				description: 'How long NanoGPT keeps the memory (1 to 365 days; NanoGPT uses 30 when not set)',
			},
			{
				displayName: 'Model Context Limit',
				name: 'modelContextLimit',
				type: 'number',
				default: 128000,
				typeOptions: { minValue: 10000, numberPrecision: 0 },
				description: 'The context size (tokens) to compress for; NanoGPT enforces at least 10,000 and uses 128,000 when not set',
			},
		],
	},
];

function messagesOf(context: IExecuteSingleFunctions): IDataObject[] {
	const input = context.getNodeParameter('memoryMessagesInput', 'list') as string;
	const raw =
		input === 'json'
			? parseJsonParameter(context, context.getNodeParameter('memoryMessagesJson', ''), 'Messages (JSON)', 'any')
			: ((context.getNodeParameter('memoryMessages.message', []) as IDataObject[]) ?? []);
	const name = input === 'json' ? 'Messages (JSON)' : 'Messages';
	if (!Array.isArray(raw) || raw.length === 0) {
		throw new NodeOperationError(context.getNode(), `The parameter "${name}" has no messages`, {
			description: 'Give at least one message with a role and a content, for example [{"role": "user", "content": "Hello"}].',
		});
	}
	return raw.map((message, index) => {
		const entry = (message ?? {}) as IDataObject;
		const role = String(entry.role ?? '');
		if (!MEMORY_ROLES.includes(role)) {
			throw new NodeOperationError(context.getNode(), `Message ${index + 1} of "${name}" has no valid role`, {
				description: `Received role ${JSON.stringify(entry.role)}. Use one of ${MEMORY_ROLES.join(', ')}.`,
			});
		}
		const content = entry.content;
		if (!(typeof content === 'string' || Array.isArray(content))) {
			throw new NodeOperationError(context.getNode(), `Message ${index + 1} of "${name}" has no content`, {
				description: 'The content must be text (or a list of content parts).',
			});
		}
		return { ...entry, role, content };
	});
}

/** preSend of Text > Compress Memory. */
export async function buildCompressMemoryBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	body.messages = messagesOf(this);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.expirationDays !== undefined) {
		body.expiration_days = checkNumberInRange(this, options.expirationDays, 'Expiration Days', { min: 1, max: 365, integer: true });
	}
	if (options.modelContextLimit !== undefined) {
		body.model_context_limit = checkNumberInRange(this, options.modelContextLimit, 'Model Context Limit', { min: 10000, integer: true });
	}
	return requestOptions;
}

/** postReceive of Text > Compress Memory: the compressed messages, their count and the usage. */
export async function outputCompressedMemory(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const messages = Array.isArray(body.messages) ? body.messages : [];
	return [{ json: { messages: messages as IDataObject[], messageCount: messages.length, usage: body.usage ?? {}, ...body } }];
}
