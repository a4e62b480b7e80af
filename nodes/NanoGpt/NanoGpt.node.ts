import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation } from './execution/executeOperation';
import { resourceDescriptions, resourceProperty } from './resources';
import { audioLoadOptions } from './resources/audio/voices';
import { imageLoadOptions } from './resources/image/imageSizes';
import { CREDENTIAL_TYPE } from './shared/constants';
import { knowledgeListSearch } from '../shared/knowledgeModelSearch';
import { listSearch } from '../shared/modelSearch';
import { requestSettingsField } from './shared/requestSettings';
import { spendingCapFields } from './shared/spendingCap';

/** Every resource's operations and fields, then the spending cap and the shared request settings. */
const nodeProperties: INodeProperties[] = [resourceProperty, ...resourceDescriptions, ...spendingCapFields, requestSettingsField];

export class NanoGpt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NanoGPT',
		name: 'nanoGpt',
		icon: { light: 'file:../../icons/nanogpt.svg', dark: 'file:../../icons/nanogpt.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Use hundreds of AI models through the NanoGPT API',
		defaults: { name: 'NanoGPT' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch: { ...listSearch, ...knowledgeListSearch }, loadOptions: { ...imageLoadOptions, ...audioLoadOptions } };

	/** Applies the selected operation's declared routing (resources/<resource>/<operation>.ts) to every item. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, nodeProperties);
	}
}
