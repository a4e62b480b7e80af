import type { INodeProperties, INodePropertyRouting, PostReceiveAction } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { buildExtendVideoBody, extendFields } from './extend';
import { buildGenerateVideoBody, generateFields } from './generate';
import { finishVideoGeneration } from './generateOutput';
import { explainUnknownContent, getContentFields, setVideoContentQuery, videoContentToBinary } from './getContent';
import { explainUnknownVideo, getStatusFields, outputVideoStatus, setVideoStatusQuery } from './getStatus';
import { outputRecoveredRuns, recoverFields, setRecoverQuery } from './recover';
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
			name: 'Extend',
			value: 'extend',
			action: 'Extend a video',
			description: 'Extend one of the four videos of a Midjourney run, wait for it and download it',
			routing: operationRouting({ method: 'POST', url: '/generate-video/extend' }, [buildExtendVideoBody, checkWaitSettings], {
				postReceive: [finishVideoGeneration],
			}),
		},
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
			name: 'Get Content',
			value: 'getContent',
			action: 'Get the content of a video',
			description: 'Get a finished Sora 2 video (or its thumbnail or spritesheet) by its run ID as a binary file',
			routing: withFirstPostReceive(
				operationRouting(
					{
						method: 'GET',
						url: '/generate-video/content',
						encoding: 'arraybuffer',
						headers: { Accept: 'video/*, image/*, application/json' },
					},
					[setVideoContentQuery],
					{ jsonBody: false, postReceive: [videoContentToBinary] },
				),
				explainUnknownContent,
			),
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
		{
			name: 'Recover Recent Runs',
			value: 'recover',
			action: 'Recover recent video runs',
			description: 'List your recent video generations, one item per run',
			routing: operationRouting({ method: 'GET', url: '/generate-video/recover' }, [setRecoverQuery], {
				postReceive: [outputRecoveredRuns],
			}),
		},
	],
};

/** The video resource: its operation selector followed by each operation's fields. */
export const videoDescription: INodeProperties[] = [
	videoOperations,
	...generateFields,
	...extendFields,
	...getContentFields,
	...getStatusFields,
	...recoverFields,
];
