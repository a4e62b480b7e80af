import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { modelLocator, simplifyField } from '../../shared/descriptions';
import { bodyOf, checkNumberInRange, requireModel } from '../../shared/parameters';
import { buildChatMessages, type ChatMessage } from './chatMessages';
import { costOf } from './chatOutput';
import { promptFields } from './promptFields';

const show = { resource: ['text'], operation: ['message'] };

const MAX_STOP_SEQUENCES = 16;

/** An image part (data URL or http URL) as an Anthropic image block. */
function imageBlock(url: string): IDataObject {
	const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(url);
	if (dataUrl) return { type: 'image', source: { type: 'base64', media_type: dataUrl[1], data: dataUrl[2] } };
	return { type: 'image', source: { type: 'url', url } };
}

function toAnthropicContent(message: ChatMessage): string | IDataObject[] {
	if (typeof message.content === 'string') return message.content;
	return message.content.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : imageBlock(part.image_url.url)));
}

/** preSend: system text apart from the turns, user/assistant messages, thinking budget, stop sequences, cache control. */
export async function buildMessageBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	const messages = await buildChatMessages(this);
	const systemTexts = messages.filter((message) => message.role === 'system').map((message) => String(message.content));
	const simpleSystem = this.getNodeParameter('promptMode', 'simple') === 'simple' ? String(this.getNodeParameter('system', '') ?? '') : '';
	const system = [simpleSystem, ...systemTexts].filter((text) => text.trim() !== '').join('\n\n');
	const turns = messages.filter((message) => message.role !== 'system');
	if (turns.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Messages" has no user or assistant message', {
			description: 'Anthropic-format requests need at least one user message; system text goes into System.',
		});
	}
	body.messages = turns.map((message) => ({ role: message.role, content: toAnthropicContent(message) }));
	body.max_tokens = checkNumberInRange(this, body.max_tokens ?? 1024, 'Max Tokens', { min: 1, integer: true });

	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (system !== '') {
		body.system = options.cacheSystemPrompt === true ? [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }] : system;
	} else if (options.cacheSystemPrompt === true) {
		throw new NodeOperationError(this.getNode(), 'The option "Cache System Prompt" needs a system prompt', {
			description: 'Enter a System text (or a system message), or remove the option.',
		});
	}
	if (options.thinkingBudget !== undefined) {
		const budget = checkNumberInRange(this, options.thinkingBudget, 'Thinking Budget Tokens', { min: 1024, integer: true });
		if (budget >= (body.max_tokens as number)) {
			throw new NodeOperationError(this.getNode(), 'The option "Thinking Budget Tokens" must be below "Max Tokens"', {
				description: `Thinking Budget Tokens is ${budget} and Max Tokens is ${String(body.max_tokens)}; Max Tokens includes the thinking.`,
			});
		}
		body.thinking = { type: 'enabled', budget_tokens: budget };
	}
	if (body.temperature !== undefined) body.temperature = checkNumberInRange(this, body.temperature, 'Temperature', { min: 0, max: 1 });
	if (body.top_p !== undefined) body.top_p = checkNumberInRange(this, body.top_p, 'Top P', { min: 0, max: 1 });
	if (body.top_k !== undefined) body.top_k = checkNumberInRange(this, body.top_k, 'Top K', { min: 0, integer: true });
	if (body.stop_sequences !== undefined) {
		const stops = (Array.isArray(body.stop_sequences) ? body.stop_sequences : [body.stop_sequences]).map(String).filter((stop) => stop !== '');
		if (stops.length > MAX_STOP_SEQUENCES) {
			throw new NodeOperationError(this.getNode(), `The option "Stop Sequences" has ${stops.length} entries`, {
				description: `Use at most ${MAX_STOP_SEQUENCES}.`,
			});
		}
		if (stops.length === 0) delete body.stop_sequences;
		else body.stop_sequences = stops;
	}
	return requestOptions;
}

/** postReceive: Ask-like output from an Anthropic message (text and thinking blocks, stop reason, usage, cost). */
export async function simplifyMessage(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	const body = response.body as IDataObject;
	const blocks = (Array.isArray(body.content) ? body.content : []).filter((block): block is IDataObject => !!block && typeof block === 'object');
	const text = blocks.filter((block) => block.type === 'text').map((block) => String(block.text ?? '')).join('');
	const reasoning = blocks.filter((block) => block.type === 'thinking').map((block) => String(block.thinking ?? '')).join('\n');
	const toolCalls = blocks.filter((block) => block.type === 'tool_use');
	const json: IDataObject = { text };
	if (reasoning !== '') json.reasoning = reasoning;
	if (toolCalls.length) json.toolCalls = toolCalls;
	Object.assign(json, {
		finishReason: body.stop_reason ?? null,
		model: body.model ?? null,
		usage: body.usage ?? {},
		...costOf(body),
		id: body.id ?? null,
	});
	return [{ json }];
}

const options: INodeProperties[] = [
	{
		displayName: 'Cache System Prompt',
		name: 'cacheSystemPrompt',
		type: 'boolean',
		default: true,
		description: 'Whether to mark the system prompt for prompt caching (cache_control ephemeral), so repeated calls cost less',
	},
	{
		displayName: 'Stop Sequences',
		name: 'stopSequences',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Stop Sequence' },
		default: [],
		description: 'Texts that end the answer when the model writes them',
		routing: { send: { type: 'body', property: 'stop_sequences' } },
	},
	{
		displayName: 'Temperature',
		name: 'temperature',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		description: 'Randomness of the output (0 to 1)',
		routing: { send: { type: 'body', property: 'temperature' } },
	},
	{
		displayName: 'Thinking Budget Tokens',
		name: 'thinkingBudget',
		type: 'number',
		default: 2048,
		typeOptions: { minValue: 1024, numberPrecision: 0 },
		description: 'Turns extended thinking on with this token budget (1024 or more, below Max Tokens)',
	},
	{
		displayName: 'Top K',
		name: 'topK',
		type: 'number',
		default: 40,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description: 'Sample only from the K most likely tokens',
		routing: { send: { type: 'body', property: 'top_k' } },
	},
	{
		displayName: 'Top P',
		name: 'topP',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		description: 'Nucleus sampling (0 to 1)',
		routing: { send: { type: 'body', property: 'top_p' } },
	},
];

export const messageFields: INodeProperties[] = [
	modelLocator('searchTextModels', show, 'anthropic/claude-sonnet-4.5'),
	...promptFields(
		show,
		{ name: 'system', displayName: 'System', description: 'System prompt (Anthropic "system"). Leave empty to send none.' },
		['assistant', 'system', 'user'],
	),
	{
		displayName: 'Max Tokens',
		name: 'maxTokens',
		type: 'number',
		default: 1024,
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'Upper bound on the generated tokens, thinking included (required by the Anthropic format)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'max_tokens' } },
	},
	{
		...simplifyField(show, 'the answer, thinking, token usage and cost'),
		routing: { output: { postReceive: [simplifyMessage] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options,
	},
];
