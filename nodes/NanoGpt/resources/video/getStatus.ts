import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { parseNanoGptError } from '../../../shared/errors';
import { requireText } from '../../shared/parameters';
import { credentialSecrets } from '../../shared/secrets';
import { unknownVideoError } from './fetchVideoStatus';
import { statusJson, outputBinaryField, withVideoFile } from './videoOutput';
import { normalizeVideoStatus } from './videoStatus';

const show = { resource: ['video'], operation: ['getStatus'] };

/** preSend: the request ID must be set; it is sent as ?requestId=. */
export async function setVideoStatusQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const requestId = requireText(this, this.getNodeParameter('requestId', ''), 'Request ID').trim();
	requestOptions.qs = { ...(requestOptions.qs ?? {}), requestId };
	return requestOptions;
}

/** postReceive (before the generic error handling) of Video > Get Status: a 404 names the ID it looked for. */
export async function explainUnknownVideo(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode !== 404) return items;
	const requestId = String(this.getNodeParameter('requestId', '')).trim();
	const details = parseNanoGptError(response.statusCode, response.body, response.headers, await credentialSecrets(this));
	throw unknownVideoError(this, details, requestId);
}

/** postReceive of Video > Get Status: the normalized job state, with the video file when asked for and ready. */
export async function outputVideoStatus(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const requestId = String(this.getNodeParameter('requestId', '')).trim();
	const status = normalizeVideoStatus(response.body as IDataObject, requestId);
	const item: INodeExecutionData = { json: statusJson(status) };
	const download = this.getNodeParameter('downloadVideo', false) as boolean;
	if (!download || status.status !== 'completed') return [item];
	return [await withVideoFile(this, item, status)];
}

export const getStatusFields: INodeProperties[] = [
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. vid_m1abc123def456',
		description: 'The request ID that Video > Generate returned (its "requestId" or "runId")',
		displayOptions: { show },
	},
	{
		displayName: 'Download Video If Ready',
		name: 'downloadVideo',
		type: 'boolean',
		default: false,
		description: 'Whether to download the video into a binary field when the job is completed',
		displayOptions: { show },
	},
	outputBinaryField({ ...show, downloadVideo: [true] }),
];
