import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { askFields, buildAskBody } from './ask';
import { buildCompleteBody, completeFields } from './complete';
import { buildCompressMemoryBody, compressMemoryFields, outputCompressedMemory } from './compressMemory';
import { buildModerationBody, moderateFields, outputModeration } from './moderate';
import { validateSamplingOptions } from './samplingOptions';

export const textOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['text'] } },
	default: 'ask',
	options: [
		{
			name: 'Ask',
			value: 'ask',
			action: 'Ask a model',
			description: 'Send a prompt or a conversation to a chat model and get its answer',
			routing: operationRouting({ method: 'POST', url: '/v1/chat/completions' }, [buildAskBody, validateSamplingOptions]),
		},
		{
			name: 'Complete',
			value: 'complete',
			action: 'Complete a text',
			description: 'Continue a text with the legacy text-completion endpoint',
			routing: operationRouting({ method: 'POST', url: '/v1/completions' }, [buildCompleteBody, validateSamplingOptions]),
		},
		{
			name: 'Compress Memory',
			value: 'compressMemory',
			action: 'Compress a conversation',
			description: 'Compress a long conversation with NanoGPT Context Memory (no model answer)',
			routing: operationRouting({ method: 'POST', url: '/v1/memory' }, [buildCompressMemoryBody], { postReceive: [outputCompressedMemory] }),
		},
		{
			name: 'Moderate',
			value: 'moderate',
			action: 'Moderate a text or image',
			description: 'Check a text or images for unsafe content: flagged or not, with categories and scores',
			routing: operationRouting({ method: 'POST', url: '/v1/moderations' }, [buildModerationBody], { postReceive: [outputModeration] }),
		},
	],
};

export const textFields: INodeProperties[] = [...askFields, ...completeFields, ...compressMemoryFields, ...moderateFields];

export const textDescription: INodeProperties[] = [textOperations, ...textFields];
