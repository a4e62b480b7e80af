import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { simplifyField } from '../../shared/descriptions';
import { requireText } from '../../shared/parameters';

const showBoth = { resource: ['text'], operation: ['getResponse', 'deleteResponse'] };
const showGet = { resource: ['text'], operation: ['getResponse'] };

/** preSend of Get / Delete Response: the response ID in the path. */
export async function setResponseUrl(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = requireText(this, this.getNodeParameter('responseId', ''), 'Response ID').trim();
	requestOptions.url = `/v1/responses/${encodeURIComponent(id)}`;
	return requestOptions;
}

/** postReceive of Delete Response: NanoGPT's answer, or {id, deleted: true} when it sends no body. */
export async function outputDeletedResponse(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const id = String(this.getNodeParameter('responseId', '')).trim();
	const body = response.body && typeof response.body === 'object' && !Buffer.isBuffer(response.body) ? (response.body as IDataObject) : {};
	return [{ json: { id, deleted: true, ...body } }];
}

export const getResponseFields: INodeProperties[] = [
	{
		displayName: 'Response ID',
		name: 'responseId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. resp_abc123',
		description: 'The ID of a stored response (the ID in a Create Response output)',
		displayOptions: { show: showBoth },
	},
	simplifyField(showGet, 'the answer, reasoning, status, token usage and cost'),
];
