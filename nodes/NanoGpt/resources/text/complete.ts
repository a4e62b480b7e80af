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
import { bodyOf, requireModel, requireText } from '../../shared/parameters';
import { costOf, describeKeys } from './chatOutput';
import { sortedSamplingOptions } from './samplingOptions';

const show = { resource: ['text'], operation: ['complete'] };

/** preSend: model and prompt must be set. */
export async function buildCompleteBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	body.prompt = requireText(this, body.prompt, 'Prompt');
	return requestOptions;
}

/** postReceive for Simplify Output on Complete. */
export async function simplifyCompletionResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	const body = response.body as IDataObject;
	const choice = Array.isArray(body.choices) ? (body.choices[0] as IDataObject | undefined) : undefined;
	if (!choice || typeof choice !== 'object') {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned no completion (the response has no choices)', {
			description: 'Run the node again; if it keeps happening, try another model.',
		});
	}
	if (typeof choice.text !== 'string') {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned no completion (the first choice has no text)', {
			description: `The response's choices[0] has ${describeKeys(choice)} but no "text", so there is no completion to output. Run the node again; if it keeps happening, try another model or turn off Simplify Output to see the full response.`,
		});
	}
	return [
		{
			json: {
				text: choice.text,
				finishReason: choice.finish_reason ?? null,
				model: body.model ?? null,
				usage: body.usage ?? {},
				...costOf(body),
				id: body.id ?? null,
			},
		},
	];
}

export const completeFields: INodeProperties[] = [
	modelLocator('searchTextModels', show, 'openai/gpt-3.5-turbo-instruct'),
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Once upon a time',
		description: 'The text the model continues',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'prompt' } },
	},
	{
		...simplifyField(show, 'the completion text, token usage and cost'),
		routing: { output: { postReceive: [simplifyCompletionResponse] } },
	},
	{
		displayName: 'Options',
		name: 'completeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: sortedSamplingOptions('completion'),
	},
];
