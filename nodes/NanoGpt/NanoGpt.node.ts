import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescriptions, resourceProperty } from './resources';
import { audioLoadOptions } from './resources/audio/voices';
import { imageLoadOptions } from './resources/image/imageSizes';
import { BASE_URL_EXPRESSION, CREDENTIAL_TYPE } from './shared/constants';
import { knowledgeListSearch } from './shared/knowledgeModelSearch';
import { listSearch } from './shared/modelSearch';
import { requestSettingsField } from './shared/requestSettings';

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
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [resourceProperty, ...resourceDescriptions, requestSettingsField],
	};

	methods = { listSearch: { ...listSearch, ...knowledgeListSearch }, loadOptions: { ...imageLoadOptions, ...audioLoadOptions } };
}
