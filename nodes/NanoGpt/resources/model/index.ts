import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { getProvidersFields, outputProviders, setProvidersUrl } from './getProviders';
import { listFields, outputModels, setCatalogRequest } from './list';

export const modelOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['model'] } },
	default: 'list',
	options: [
		{
			name: 'Get Providers',
			value: 'getProviders',
			action: 'Get the providers of a model',
			description: 'List the providers that serve a model, with their prices and availability (for provider selection)',
			routing: operationRouting({ method: 'GET', url: '/models/{canonicalId}/providers' }, [setProvidersUrl], {
				postReceive: [outputProviders],
			}),
		},
		{
			name: 'List',
			value: 'list',
			action: 'List models',
			description: 'List the models of one kind with their details and prices, one item per model',
			routing: operationRouting({ method: 'GET', url: '/v1/models' }, [setCatalogRequest], {
				postReceive: [outputModels],
				jsonBody: false,
			}),
		},
	],
};

/** The model resource: its operation selector followed by each operation's fields. */
export const modelDescription: INodeProperties[] = [modelOperations, ...listFields, ...getProvidersFields];
