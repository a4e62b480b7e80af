import type { INodeProperties, INodePropertyRouting, PostReceiveAction } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { buildGenerateVideoBody, generateFields } from './generate';
import { finishVideoGeneration } from './generateOutput';
import { explainUnknownVideo, getStatusFields, outputVideoStatus, setVideoStatusQuery } from './getStatus';
import { checkWaitSettings } from './waitSettings';

/** Runs `action` before the shared error handling of an operation's routing. */
function withFirstPostReceive(routing: INodePropertyRouting, action: PostReceiveAction): INodePropertyRouting {
	routing.output?.postReceive?.unshift(action);
	return routing;
}

export const videoOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['video'] } },
	default: 'generate',
	options: [
		{
			name: 'Generate',
			value: 'generate',
			action: 'Generate a video',
			description: 'Create a video from a prompt (and optionally a start image), wait for it and download it',
			routing: operationRouting({ method: 'POST', url: '/generate-video' }, [buildGenerateVideoBody, checkWaitSettings], {
				postReceive: [finishVideoGeneration],
			}),
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a video',
			description: 'Check a video generation by its request ID, and download the video when it is ready',
			routing: withFirstPostReceive(
				operationRouting({ method: 'GET', url: '/video/status' }, [setVideoStatusQuery], {
					postReceive: [outputVideoStatus],
				}),
				explainUnknownVideo,
			),
		},
	],
};

/** The video resource: its operation selector followed by each operation's fields. */
export const videoDescription: INodeProperties[] = [videoOperations, ...generateFields, ...getStatusFields];
