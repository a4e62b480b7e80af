import type { INodeProperties } from 'n8n-workflow';

import { acrossItems } from '../../shared/batching';
import { operationRouting } from '../../shared/operation';
import { buildEmbeddingsBody, createEmbeddingsFields, embeddingsAcrossItems } from './create';

export const embeddingsOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['embeddings'] } },
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create embeddings',
			description: 'Turn texts into embedding vectors (for search, clustering, or a vector store), one item per text',
			routing: acrossItems(operationRouting({ method: 'POST', url: '/v1/embeddings' }, [buildEmbeddingsBody]), embeddingsAcrossItems),
		},
	],
};

/** The embeddings resource: NanoGPT's OpenAI-compatible embeddings endpoint. */
export const embeddingsDescription: INodeProperties[] = [embeddingsOperations, ...createEmbeddingsFields];
