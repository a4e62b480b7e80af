import type { IDataObject, INodeType, INodeTypeDescription, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/nanoGptHttp';
import { searchEmbeddingModels } from '../shared/knowledgeModelSearch';
import { NanoGptEmbeddings } from './NanoGptEmbeddings';
import { embeddingsOptionsProperty, embeddingsModelProperty } from './properties';
import { embeddingsSettings, InvalidEmbeddingsOption, type EmbeddingsSettings } from './settings';

export class EmbeddingsNanoGpt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NanoGPT Embeddings',
		name: 'embeddingsNanoGpt',
		icon: { light: 'file:../../icons/nanogpt.svg', dark: 'file:../../icons/nanogpt.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"] && $parameter["model"].value ? $parameter["model"].value : "" }}',
		description: 'Embeddings for vector stores and retrievers, using any NanoGPT embedding model',
		defaults: { name: 'NanoGPT Embeddings' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiEmbedding],
		outputNames: ['Embeddings'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					'Connect this node to a vector store (for example Simple Vector Store, PGVector or Qdrant). Use the same model for inserting and for searching.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			embeddingsModelProperty,
			embeddingsOptionsProperty,
		],
	};

	methods = { listSearch: { searchEmbeddingModels } };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const model = this.getNodeParameter('model', itemIndex, '', { extractValue: true });
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		let settings: EmbeddingsSettings;
		try {
			settings = embeddingsSettings(model, options);
		} catch (error) {
			if (error instanceof InvalidEmbeddingsOption) {
				throw new NodeOperationError(this.getNode(), error.message, { description: error.description, itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
		return { response: new NanoGptEmbeddings(this, settings) };
	}
}
