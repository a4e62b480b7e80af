import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bodyOf, parseJsonParameter } from '../../shared/parameters';

const showUpdate = { resource: ['account'], operation: ['updateProviderPreferences'] };

function providerList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

/** preSend of Update Provider Preferences: comma lists as arrays, model overrides checked, something to update. */
export async function buildProviderPreferencesBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	for (const field of ['preferredProviders', 'excludedProviders']) {
		if (body[field] !== undefined) body[field] = providerList(body[field]);
	}
	if (body.modelOverrides !== undefined) {
		const overrides = parseJsonParameter(this, body.modelOverrides, 'Model Overrides') as IDataObject;
		for (const [model, rule] of Object.entries(overrides)) {
			if (!rule || typeof rule !== 'object' || Array.isArray(rule)) {
				throw new NodeOperationError(this.getNode(), 'The parameter "Model Overrides" must map model IDs to objects', {
					description: `The value for "${model}" is ${JSON.stringify(rule)}. Example: {"deepseek/deepseek-v3.2": {"preferredProviders": ["deepinfra"], "enableFallback": false}}.`,
				});
			}
		}
		body.modelOverrides = overrides;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one preference', {
			description: 'Add Preferred Providers, Excluded Providers, Enable Fallback or Model Overrides under "Preferences". To remove all saved preferences use Clear Provider Preferences.',
		});
	}
	return requestOptions;
}

/** postReceive of Clear Provider Preferences: NanoGPT answers 204 without a body. */
export async function outputPreferencesCleared(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { cleared: true, statusCode: response.statusCode } }];
}

export const providerPreferencesFields: INodeProperties[] = [
	{
		displayName: 'Preferences',
		name: 'preferences',
		type: 'collection',
		placeholder: 'Add Preference',
		default: {},
		description: 'Only the preferences you add are changed; the others keep their saved values',
		displayOptions: { show: showUpdate },
		options: [
			{
				displayName: 'Enable Fallback',
				name: 'enableFallback',
				type: 'boolean',
				default: true,
				description: 'Whether NanoGPT may use its default provider when no preferred provider is available',
				routing: { send: { type: 'body', property: 'enableFallback' } },
			},
			{
				displayName: 'Excluded Providers',
				name: 'excludedProviders',
				type: 'string',
				default: '',
				placeholder: 'e.g. novita, chutes',
				description: 'Providers never to use, separated by commas (empty clears the list)',
				routing: { send: { type: 'body', property: 'excludedProviders' } },
			},
			{
				displayName: 'Model Overrides',
				name: 'modelOverrides',
				type: 'json',
				default: '{}',
				description:
					'JSON object mapping model IDs to their own preferredProviders, excludedProviders and enableFallback',
				routing: { send: { type: 'body', property: 'modelOverrides' } },
			},
			{
				displayName: 'Preferred Providers',
				name: 'preferredProviders',
				type: 'string',
				default: '',
				placeholder: 'e.g. deepinfra, together',
				description: 'Providers to use first, in this order, separated by commas (empty clears the list)',
				routing: { send: { type: 'body', property: 'preferredProviders' } },
			},
		],
	},
];
