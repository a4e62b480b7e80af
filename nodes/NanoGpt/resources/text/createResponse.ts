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
import { bodyOf, checkNumberInRange, parseJsonParameter, requireModel, requireText } from '../../shared/parameters';
import { pollUntilDone } from '../../shared/polling';
import { fetchJobStatus, jobWaitOptions, readJobSettings, waitsForJobs } from '../audio/jobPolling';
import { buildChatMessages, type ChatMessage } from './chatMessages';
import { promptFields, responseFormatFields } from './promptFields';
import { simplifyResponseObject } from './responseOutput';

const show = { resource: ['text'], operation: ['createResponse'] };

const DEFAULT_MAX_WAIT_SECONDS = 600;
const PENDING = ['queued', 'in_progress'];

/** Chat messages in the Responses API input format (input_text / input_image parts). */
function toResponsesInput(messages: ChatMessage[]): IDataObject[] {
	return messages.map((message) => ({
		role: message.role,
		content:
			typeof message.content === 'string'
				? message.content
				: message.content.map((part) =>
						part.type === 'text'
							? { type: 'input_text', text: part.text }
							: { type: 'input_image', image_url: part.image_url.url, ...(part.image_url.detail ? { detail: part.image_url.detail } : {}) },
					),
	}));
}

/** preSend: input (a prompt string or messages with images), text format, option ranges. */
export async function buildCreateResponseBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	const messages = await buildChatMessages(this);
	const simple = this.getNodeParameter('promptMode', 'simple') === 'simple';
	body.input = simple && messages.length === 1 && typeof messages[0].content === 'string' ? messages[0].content : toResponsesInput(messages);
	if (typeof body.instructions === 'string' && body.instructions.trim() === '') delete body.instructions;

	const format = this.getNodeParameter('responseFormat', 'text') as string;
	if (format === 'json_object') body.text = { format: { type: 'json_object' } };
	if (format === 'json_schema') {
		body.text = {
			format: {
				type: 'json_schema',
				name: requireText(this, this.getNodeParameter('schemaName', 'response'), 'Schema Name').trim(),
				strict: this.getNodeParameter('strictSchema', true) as boolean,
				schema: parseJsonParameter(this, this.getNodeParameter('jsonSchema', ''), 'JSON Schema'),
			},
		};
	}
	if (body.max_output_tokens !== undefined) {
		body.max_output_tokens = checkNumberInRange(this, body.max_output_tokens, 'Max Output Tokens', { min: 16, integer: true });
	}
	if (body.temperature !== undefined) body.temperature = checkNumberInRange(this, body.temperature, 'Temperature', { min: 0, max: 2 });
	if (body.top_p !== undefined) body.top_p = checkNumberInRange(this, body.top_p, 'Top P', { min: 0, max: 1 });
	if (body.seed !== undefined) body.seed = checkNumberInRange(this, body.seed, 'Seed', { integer: true });
	if (body.retention_days !== undefined) {
		body.retention_days = checkNumberInRange(this, body.retention_days, 'Retention Days', { min: 0, max: 365, integer: true });
	}
	if (body.metadata !== undefined) body.metadata = parseJsonParameter(this, body.metadata, 'Metadata') as IDataObject;
	for (const field of ['previous_response_id', 'user']) {
		if (typeof body[field] === 'string') {
			const value = (body[field] as string).trim();
			if (value === '') delete body[field];
			else body[field] = value;
		}
	}
	if (body.billing_mode === 'subscription') delete body.billing_mode;
	if (body.background === true) readJobSettings(this, DEFAULT_MAX_WAIT_SECONDS);
	return requestOptions;
}

/** postReceive: in background mode, poll GET /v1/responses/{id} until done (unless told not to wait); simplify. */
export async function outputCreatedResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let body = response.body as IDataObject;
	const wait = waitsForJobs(this);
	if (wait && PENDING.includes(String(body.status)) && typeof body.id === 'string') {
		const id = body.id;
		const settings = readJobSettings(this, DEFAULT_MAX_WAIT_SECONDS);
		body = await pollUntilDone(this, {
			...settings,
			what: `background response ${id}`,
			jobId: id,
			check: async () => {
				const status = await fetchJobStatus(this, { method: 'GET', url: `/v1/responses/${encodeURIComponent(id)}` });
				return status && !PENDING.includes(String(status.status)) ? { done: true, value: status } : { done: false };
			},
		});
	}
	if (body.status === 'failed') {
		const error = (body.error ?? {}) as IDataObject;
		throw new NodeOperationError(this.getNode(), `The response failed: ${String(error.message ?? 'NanoGPT gave no reason')}`, {
			description: `Response ${String(body.id ?? '')} ended with status "failed". Run the node again or try another model.`,
		});
	}
	if (!(this.getNodeParameter('simplify', true) as boolean)) return [{ json: body }];
	const parseJson = this.getNodeParameter('responseFormat', 'text') !== 'text';
	return [{ json: simplifyResponseObject(this, body, parseJson) }];
}

const options: INodeProperties[] = [
	{
		displayName: 'Background',
		name: 'background',
		type: 'boolean',
		default: true,
		description: 'Whether NanoGPT runs the response in the background; the node then polls until it is done (see Wait for Completion)',
		routing: { send: { type: 'body', property: 'background' } },
	},
	{
		displayName: 'Billing Mode',
		name: 'billingMode',
		type: 'options',
		default: 'paygo',
		description: 'Pay-As-You-Go forces paid billing; Subscription (Default) sends nothing',
		options: [
			{ name: 'Pay-As-You-Go', value: 'paygo' },
			{ name: 'Subscription (Default)', value: 'subscription' },
		],
		routing: { send: { type: 'body', property: 'billing_mode' } },
	},
	{
		displayName: 'Max Output Tokens',
		name: 'maxOutputTokens',
		type: 'number',
		default: 4096,
		typeOptions: { minValue: 16, numberPrecision: 0 },
		description: 'Upper bound on the tokens of the response (16 or more)',
		routing: { send: { type: 'body', property: 'max_output_tokens' } },
	},
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'json',
		default: '{}',
		description: 'JSON object stored with the response, for example {"ticket": "42"}',
		routing: { send: { type: 'body', property: 'metadata' } },
	},
	{
		displayName: 'Previous Response ID',
		name: 'previousResponseId',
		type: 'string',
		default: '',
		placeholder: 'e.g. resp_abc123',
		description: 'Continue the thread of this earlier (stored) response, for example the ID output of an earlier Create Response',
		routing: { send: { type: 'body', property: 'previous_response_id' } },
	},
	{
		displayName: 'Reasoning Effort',
		name: 'reasoningEffort',
		type: 'options',
		default: 'medium',
		description: 'How much the model reasons before answering. Any value except None turns reasoning on.',
		options: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'].map((value) => ({
			name: value === 'xhigh' ? 'Extra High' : value.charAt(0).toUpperCase() + value.slice(1),
			value,
		})),
		routing: { send: { type: 'body', property: 'reasoning.effort' } },
	},
	{
		displayName: 'Retention Days',
		name: 'retentionDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 0, maxValue: 365, numberPrecision: 0 },
		description: 'How long NanoGPT keeps a stored response (0 to 365; 0 keeps nothing)',
		routing: { send: { type: 'body', property: 'retention_days' } },
	},
	{
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 0 },
		description: 'Seed for best-effort reproducible sampling',
		routing: { send: { type: 'body', property: 'seed' } },
	},
	{
		displayName: 'Service Tier',
		name: 'serviceTier',
		type: 'options',
		default: 'auto',
		options: ['auto', 'default', 'flex', 'priority'].map((value) => ({ name: value.charAt(0).toUpperCase() + value.slice(1), value })),
		routing: { send: { type: 'body', property: 'service_tier' } },
	},
	{
		displayName: 'Store',
		name: 'store',
		type: 'boolean',
		default: true,
		description: 'Whether NanoGPT stores the response, so Get Response and Previous Response ID can use it later',
		routing: { send: { type: 'body', property: 'store' } },
	},
	{
		displayName: 'Temperature',
		name: 'temperature',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
		description: 'Randomness of the output (0 to 2; not supported by reasoning models)',
		routing: { send: { type: 'body', property: 'temperature' } },
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
	{
		displayName: 'Truncation',
		name: 'truncation',
		type: 'options',
		default: 'auto',
		description: 'Auto drops the oldest turns when the thread exceeds the context window; Disabled fails instead',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Disabled', value: 'disabled' },
		],
		routing: { send: { type: 'body', property: 'truncation' } },
	},
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		default: '',
		description: 'An identifier for your end user',
		routing: { send: { type: 'body', property: 'user' } },
	},
	...jobWaitOptions(DEFAULT_MAX_WAIT_SECONDS),
];

export const createResponseFields: INodeProperties[] = [
	modelLocator('searchTextModels', show, 'openai/gpt-5.2'),
	...promptFields(show, {
		name: 'instructions',
		displayName: 'Instructions',
		description: 'System instructions for the model. Leave empty to send none.',
	}).map((field) => (field.name === 'instructions' ? { ...field, routing: { send: { type: 'body' as const, property: 'instructions' } } } : field)),
	...responseFormatFields(show),
	simplifyField(show, 'the answer, reasoning, token usage and cost'),
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
