import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { bodyOf, checkNumberInRange, parseJsonParameter, requireModel, requireText, textParameter } from '../../shared/parameters';
import { modelLocator, simplifyField } from '../../shared/descriptions';
import { buildChatMessages } from './chatMessages';
import { promptFields, responseFormatFields } from './promptFields';
import { contextMemoryOptions, withMemorySuffix } from '../../../shared/contextMemory';
import { simplifyChatResponse } from './chatOutput';
import { sortedSamplingOptions } from './samplingOptions';

const show = { resource: ['text'], operation: ['ask'] };

const WEB_SEARCH_SUFFIXES: Record<string, string> = {
	standard: ':online',
	deep: ':online/linkup-deep',
};

/** preSend: messages, response format, web search suffix and prompt caching. */
export async function buildAskBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	const model = requireModel(this, body);
	body.messages = await buildChatMessages(this);

	const responseFormat = textParameter(this, this.getNodeParameter('responseFormat', 'text'), 'Response Format');
	if (responseFormat === 'json_object') {
		body.response_format = { type: 'json_object' };
	} else if (responseFormat === 'json_schema') {
		const schema = parseJsonParameter(this, this.getNodeParameter('jsonSchema', ''), 'JSON Schema');
		body.response_format = {
			type: 'json_schema',
			json_schema: {
				name: requireText(this, this.getNodeParameter('schemaName', 'response'), 'Schema Name').trim(),
				strict: this.getNodeParameter('strictSchema', true) as boolean,
				schema,
			},
		};
	}

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const webSearch = textParameter(this, options.webSearch, 'Web Search');
	const suffix = Object.prototype.hasOwnProperty.call(WEB_SEARCH_SUFFIXES, webSearch) ? WEB_SEARCH_SUFFIXES[webSearch] : undefined;
	if (suffix && !model.includes(':online')) body.model = `${model}${suffix}`;
	if (options.contextMemory === true) {
		const days = options.contextMemoryDays === undefined ? undefined : checkNumberInRange(this, options.contextMemoryDays, 'Context Memory Days', { min: 1, max: 365, integer: true });
		body.model = withMemorySuffix(String(body.model), days);
	}
	if (options.promptCaching === true) {
		const caching: IDataObject = { enabled: true, ttl: textParameter(this, options.cacheTtl ?? '5m', 'Prompt Caching TTL') };
		if (options.cacheCutAfterMessageIndex !== undefined) {
			caching.cut_after_message_index = checkNumberInRange(
				this,
				options.cacheCutAfterMessageIndex,
				'Prompt Caching Until Message',
				{ min: 0, integer: true },
			);
		}
		body.prompt_caching = caching;
	}
	return requestOptions;
}

const askOnlyOptions: INodeProperties[] = [
	{
		displayName: 'Prompt Caching',
		name: 'promptCaching',
		type: 'boolean',
		default: true,
		description: 'Whether to cache the leading messages explicitly (Claude models), so repeated prompts cost less',
	},
	{
		displayName: 'Prompt Caching TTL',
		name: 'cacheTtl',
		type: 'options',
		default: '5m',
		description: 'How long the cached prompt is kept (used with Prompt Caching)',
		options: [
			{ name: '5 Minutes', value: '5m' },
			{ name: '1 Hour', value: '1h' },
		],
	},
	{
		displayName: 'Prompt Caching Until Message',
		name: 'cacheCutAfterMessageIndex',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description:
			'Zero-based index of the last message to cache (used with Prompt Caching). Without it NanoGPT picks the boundary.',
	},
	{
		displayName: 'Web Search',
		name: 'webSearch',
		type: 'options',
		default: 'standard',
		description: 'Let the model search the web first (adds a search fee to the request)',
		options: [
			{ name: 'Standard ($0.006)', value: 'standard', description: 'Adds :online to the model' },
			{ name: 'Deep ($0.06)', value: 'deep', description: 'Adds :online/linkup-deep to the model' },
		],
	},
];

export const askFields: INodeProperties[] = [
	modelLocator('searchTextModels', show, 'openai/gpt-5.2'),
	...promptFields(
		show,
		{
			name: 'systemPrompt',
			displayName: 'System Prompt',
			description: 'Instructions sent first, as the system message. Leave empty to send none.',
			simpleModeOnly: true,
		},
		undefined,
		{ simple: 'A system prompt and a user prompt', messages: 'An ordered list of system, user and assistant messages' },
	),
	...responseFormatFields(show),
	{
		...simplifyField(show, 'the answer, reasoning, token usage and cost'),
		routing: { output: { postReceive: [simplifyChatResponse] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: sortedSamplingOptions('chat', [...askOnlyOptions, ...contextMemoryOptions]),
	},
];
