import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { askFields, buildAskBody } from './ask';
import { buildCompleteBody, completeFields } from './complete';
import { buildCompressMemoryBody, compressMemoryFields, outputCompressedMemory } from './compressMemory';
import { buildModerationBody, moderateFields, outputModeration } from './moderate';
import { buildCreateResponseBody, createResponseFields, outputCreatedResponse } from './createResponse';
import { getResponseFields, outputDeletedResponse, setResponseUrl } from './getResponse';
import { buildMessageBody, messageFields } from './message';
import { simplifyResponse } from './responseOutput';
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
			name: 'Create Response',
			value: 'createResponse',
			action: 'Create a response',
			description: 'Ask a model through the Responses API: threads by previous response ID, stored and background responses',
			routing: operationRouting({ method: 'POST', url: '/v1/responses' }, [buildCreateResponseBody], {
				postReceive: [outputCreatedResponse],
			}),
		},
		{
			name: 'Delete Response',
			value: 'deleteResponse',
			action: 'Delete a stored response',
			description: 'Delete a stored Responses API response by its ID',
			routing: operationRouting({ method: 'DELETE', url: '/v1/responses/{id}' }, [setResponseUrl], {
				postReceive: [outputDeletedResponse],
				jsonBody: false,
			}),
		},
		{
			name: 'Get Response',
			value: 'getResponse',
			action: 'Get a stored response',
			description: 'Get a stored or background Responses API response by its ID (its status and, when done, the answer)',
			routing: operationRouting({ method: 'GET', url: '/v1/responses/{id}' }, [setResponseUrl], {
				postReceive: [simplifyResponse],
			}),
		},
		{
			name: 'Message (Anthropic Format)',
			value: 'message',
			action: 'Send a message in anthropic format',
			description: 'Send a conversation to POST /v1/messages (Anthropic Messages format): system, thinking budget, cache control',
			routing: operationRouting({ method: 'POST', url: '/v1/messages' }, [buildMessageBody]),
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

export const textFields: INodeProperties[] = [
	...askFields,
	...completeFields,
	...createResponseFields,
	...getResponseFields,
	...messageFields,
	...compressMemoryFields,
	...moderateFields,
];

export const textDescription: INodeProperties[] = [textOperations, ...textFields];
