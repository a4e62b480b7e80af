import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { bodyOf, checkNumberInRange, requireText } from '../../shared/parameters';
import { videoWaitFields } from './waitFields';

const show = { resource: ['video'], operation: ['extend'] };

/**
 * preSend of Video > Extend: {taskId, index}, as the spec's VideoExtendRequest (the field routing put the raw
 * values there; here the run ID is trimmed and the index checked as a whole number from 0 to 3).
 */
export async function buildExtendVideoBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	body.taskId = requireText(this, this.getNodeParameter('runId', ''), 'Run ID').trim();
	body.index = checkNumberInRange(this, this.getNodeParameter('videoIndex', 0), 'Video Index', { min: 0, max: 3, integer: true });
	return requestOptions;
}

export const extendFields: INodeProperties[] = [
	{
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. vid_m1abc123def456',
		description: 'The run ID of the Midjourney video to extend (the "runId" or "requestId" of Video > Generate)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'taskId' } },
	},
	{
		displayName: 'Video Index',
		name: 'videoIndex',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 3, numberPrecision: 0 },
		description: 'Which of the four videos of the Midjourney run to extend, counted from 0 (0 to 3)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'index' } },
	},
	...videoWaitFields(show),
];
