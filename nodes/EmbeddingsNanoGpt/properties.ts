import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_SECONDS, MAX_BATCH_SIZE } from './settings';

export const embeddingsModelProperty: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The NanoGPT embedding model. The list shows the vector dimensions and the price.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchEmbeddingModels', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. text-embedding-3-small',
		},
	],
};

export const embeddingsOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: DEFAULT_BATCH_SIZE,
			typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE, numberPrecision: 0 },
			description: 'The most texts sent to NanoGPT in one request (up to 2,048)',
		},
		{
			displayName: 'Dimensions',
			name: 'dimensions',
			type: 'number',
			default: 1536,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description:
				'Shorter vectors, for models that support dimension reduction (the list says "reducible"). Must match the vector store index.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: DEFAULT_MAX_RETRIES,
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
			description:
				'How often a request that failed with a timeout, a connection reset, a rate limit (429) or a server error (5xx) is sent again. Other errors are never retried.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: DEFAULT_TIMEOUT_SECONDS,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for NanoGPT to answer one request',
		},
	],
};
