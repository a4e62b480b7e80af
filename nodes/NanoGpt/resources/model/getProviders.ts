import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { requireText } from '../../shared/parameters';

const show = { resource: ['model'], operation: ['getProviders'] };

/** preSend: the model's canonical ID goes into the path (slashes encoded). */
export async function setProvidersUrl(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const model = requireText(this, this.getNodeParameter('model', '', { extractValue: true }), 'Model').trim();
	requestOptions.url = `/models/${encodeURIComponent(model)}/providers`;
	return requestOptions;
}

function perMillion(perThousand: unknown): number | null {
	return typeof perThousand === 'number' && Number.isFinite(perThousand) ? Number((perThousand * 1000).toPrecision(12)) : null;
}

function pricesOf(pricing: unknown): IDataObject {
	const price = (pricing && typeof pricing === 'object' ? pricing : {}) as IDataObject;
	return {
		inputPerMillionTokens: perMillion(price.inputPer1kTokens),
		outputPerMillionTokens: perMillion(price.outputPer1kTokens),
	};
}

/** postReceive: the answer with prices per million tokens (as the catalogues give them) next to NanoGPT's per-1K prices. */
export async function outputProviders(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const providers = (Array.isArray(body.providers) ? body.providers : [])
		.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object')
		.map((entry) => ({ provider: entry.provider ?? null, available: entry.available ?? null, ...pricesOf(entry.pricing), ...entry }));
	return [
		{
			json: {
				canonicalId: body.canonicalId ?? null,
				displayName: body.displayName ?? null,
				supportsProviderSelection: body.supportsProviderSelection ?? false,
				availableProviders: providers.filter((entry) => entry.available === true).map((entry) => entry.provider),
				...body,
				defaultPrice: body.defaultPrice ? { ...pricesOf(body.defaultPrice), ...(body.defaultPrice as IDataObject) } : null,
				providers,
			},
		},
	];
}

/** The model goes into the URL path, not into a body. */
export const getProvidersFields: INodeProperties[] = [
	{ ...modelLocator('searchTextModels', show, 'deepseek/deepseek-v3.2'), routing: undefined },
];
