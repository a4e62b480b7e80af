import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	ISupplyDataFunctions,
	SupplyData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/nanoGptHttp';
import { loadChatModelModule } from './loadChatModel';
import { modelProperty, optionsProperty } from './properties';
import { searchChatModels } from './searchChatModels';
import { chatModelSettings, InvalidOptionError, type ChatModelSettings } from './settings';

export class LmChatNanoGpt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NanoGPT Chat Model',
		name: 'lmChatNanoGpt',
		icon: { light: 'file:../../icons/nanogpt.svg', dark: 'file:../../icons/nanogpt.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"] && $parameter["model"].value ? $parameter["model"].value : "" }}',
		description: 'Chat model for the AI Agent and chains, using any NanoGPT text model',
		defaults: { name: 'NanoGPT Chat Model' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiLanguageModel],
		outputNames: ['Model'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					'Connect this node to an AI Agent or a chain (for example Basic LLM Chain). For the agent, pick a model marked "Tools".',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			modelProperty,
			optionsProperty,
		],
	};

	methods = { listSearch: { searchChatModels } };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const model = this.getNodeParameter('model', itemIndex, '', { extractValue: true });
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		let settings: ChatModelSettings;
		try {
			settings = chatModelSettings(model, options);
		} catch (error) {
			if (error instanceof InvalidOptionError) {
				throw new NodeOperationError(this.getNode(), error.message, { description: error.description, itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
		const { supplyNanoGptChatModel } = await loadChatModelModule(this);
		return supplyNanoGptChatModel(this, settings);
	}
}
