import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const show = { resource: ['account'], operation: ['getPrices'] };

const PRICE_URLS: Record<string, string> = { nano: '/get-nano-price', fiat: '/get-fiat-prices' };

/** preSend: the endpoint of the chosen price list. */
export async function setPricesUrl(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const kind = String(this.getNodeParameter('prices', 'nano'));
	const url = PRICE_URLS[kind];
	if (!url) {
		throw new NodeOperationError(this.getNode(), `Unknown price list "${kind}"`, { description: 'Use nano or fiat.' });
	}
	requestOptions.url = url;
	return requestOptions;
}

export const pricesFields: INodeProperties[] = [
	{
		displayName: 'Prices',
		name: 'prices',
		type: 'options',
		default: 'nano',
		displayOptions: { show },
		options: [
			{ name: 'Nano (XNO) in USD', value: 'nano', description: 'The latest Nano price (GET /get-nano-price)' },
			{ name: 'Fiat Exchange Rates', value: 'fiat', description: 'USD to other currencies (GET /get-fiat-prices)' },
		],
	},
];
