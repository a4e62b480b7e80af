import type { INodeProperties } from 'n8n-workflow';

import { inChunks } from '../../shared/chunks';
import { operationRouting } from '../../shared/operation';
import { buildTranscriptBody, countTranscriptRequests, getTranscriptFields, outputTranscripts } from './getTranscript';

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
			routing: inChunks(
				operationRouting({ method: 'POST', url: '/youtube-transcribe' }, [buildTranscriptBody], { postReceive: [outputTranscripts] }),
				countTranscriptRequests,
			),
		},
	],
};

/** The YouTube resource: transcripts of YouTube videos. */
export const youtubeDescription: INodeProperties[] = [youtubeOperations, ...getTranscriptFields];
