import type { INodeProperties } from 'n8n-workflow';

import { acrossItems } from '../../shared/batching';
import { operationRouting } from '../../shared/operation';
import { buildTranscriptBody, getTranscriptFields, transcriptsAcrossItems } from './getTranscript';

export const youtubeOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['youtube'] } },
	default: 'getTranscript',
	options: [
		{
			name: 'Get Transcript',
			value: 'getTranscript',
			action: 'Get youtube transcripts',
			description: 'Get the transcript of YouTube videos, one output item per video',
			routing: acrossItems(operationRouting({ method: 'POST', url: '/youtube-transcribe' }, [buildTranscriptBody]), transcriptsAcrossItems),
		},
	],
};

/** The YouTube resource: transcripts of YouTube videos. */
export const youtubeDescription: INodeProperties[] = [youtubeOperations, ...getTranscriptFields];
