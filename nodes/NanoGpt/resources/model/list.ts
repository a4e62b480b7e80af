import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CATALOG_ENDPOINTS, catalogEntries, type ModelKind } from '../../../shared/catalog';
import { quoteAnswer } from '../../../shared/errors';
import { checkNumberInRange, optionalText, textParameter } from '../../shared/parameters';
import { credentialSecrets } from '../../shared/secrets';
import { normalizeModel } from './normalizeModel';

const show = { resource: ['model'], operation: ['list'] };

function kindOf(context: IExecuteSingleFunctions): ModelKind {
	const kind = textParameter(context, context.getNodeParameter('modelType', 'text'), 'Model Type').trim();
	// Own properties only: "constructor", "__proto__" or "toString" must not pass as a model type.
	if (!Object.prototype.hasOwnProperty.call(CATALOG_ENDPOINTS, kind)) {
		throw new NodeOperationError(context.getNode(), `The parameter "Model Type" has an unknown value "${kind}"`, {
			description: `Use one of: ${Object.keys(CATALOG_ENDPOINTS).join(', ')}.`,
		});
	}
	return kind as ModelKind;
}

/** The text catalogues besides the full one (same entries, filtered by how they are billed or for the account). */
const TEXT_CATALOGUE_URLS: Record<string, string> = {
	subscription: '/subscription/v1/models',
	paid: '/paid/v1/models',
	personalized: '/personalized/v1/models',
};

/** preSend: the catalogue of the chosen model type (URL and query), and a valid limit. */
export async function setCatalogRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const endpoint = CATALOG_ENDPOINTS[kindOf(this)];
	optionalText(this, this.getNodeParameter('search', ''), 'Search');
	textParameter(this, this.getNodeParameter('sortBy', 'catalog'), 'Sort By');
	requestOptions.url = endpoint.url;
	requestOptions.qs = { ...(requestOptions.qs ?? {}), ...endpoint.qs };
	if (requestOptions.url === CATALOG_ENDPOINTS.text.url) {
		const catalogue = String(this.getNodeParameter('textCatalogue', 'all'));
		if (catalogue !== 'all' && !(catalogue in TEXT_CATALOGUE_URLS)) {
			throw new NodeOperationError(this.getNode(), `Unknown catalogue "${catalogue}"`, {
				description: `Use one of: all, ${Object.keys(TEXT_CATALOGUE_URLS).join(', ')}.`,
			});
		}
		requestOptions.url = TEXT_CATALOGUE_URLS[catalogue] ?? requestOptions.url;
	}
	if (!(this.getNodeParameter('returnAll', false) as boolean)) {
		checkNumberInRange(this, this.getNodeParameter('limit', 50), 'Limit', { min: 1, integer: true });
	}
	return requestOptions;
}

function byName(a: IDataObject, b: IDataObject): number {
	return String(a.name).localeCompare(String(b.name), 'en', { sensitivity: 'base' });
}

function byPrice(a: IDataObject, b: IDataObject): number {
	const priceA = typeof a.lowestPrice === 'number' ? a.lowestPrice : Number.POSITIVE_INFINITY;
	const priceB = typeof b.lowestPrice === 'number' ? b.lowestPrice : Number.POSITIVE_INFINITY;
	return priceA === priceB ? byName(a, b) : priceA - priceB;
}

/** postReceive of Model > List: one item per model, filtered, sorted and limited as asked. */
export async function outputModels(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) {
		throw new NodeOperationError(this.getNode(), 'NanoGPT sent a model list that is not JSON', {
			description: `Received ${quoteAnswer(body, await credentialSecrets(this))}. Run the node again later, and check the credential Base URL.`,
		});
	}
	const kind = kindOf(this);
	const needle = optionalText(this, this.getNodeParameter('search', ''), 'Search').toLowerCase();
	let models = catalogEntries(body)
		.map((model) => normalizeModel(kind, model))
		.filter(
			(model) =>
				needle === '' ||
				String(model.id).toLowerCase().includes(needle) ||
				String(model.name).toLowerCase().includes(needle),
		);
	const sortBy = textParameter(this, this.getNodeParameter('sortBy', 'catalog'), 'Sort By');
	if (sortBy === 'name') models = [...models].sort(byName);
	if (sortBy === 'price') models = [...models].sort(byPrice);
	if (!(this.getNodeParameter('returnAll', false) as boolean)) {
		models = models.slice(0, this.getNodeParameter('limit', 50) as number);
	}
	return models.map((json) => ({ json }));
}

export const listFields: INodeProperties[] = [
	{
		displayName: 'Model Type',
		name: 'modelType',
		type: 'options',
		default: 'text',
		description: 'Which NanoGPT model catalogue to list',
		displayOptions: { show },
		options: [
			{ name: 'Embedding', value: 'embedding', description: 'Embedding models, priced per million tokens' },
			{ name: 'Image', value: 'image', description: 'Image generation models, priced per image' },
			{ name: 'Speech to Text', value: 'stt', description: 'Transcription models, priced per minute' },
			{ name: 'Text', value: 'text', description: 'Chat and completion models, priced per million tokens' },
			{ name: 'Text to Speech', value: 'tts', description: 'Speech models, priced per thousand characters' },
			{ name: 'Video', value: 'video', description: 'Video generation models' },
		],
	},
	{
		displayName: 'Catalogue',
		name: 'textCatalogue',
		type: 'options',
		default: 'all',
		description: 'Which list of text models',
		displayOptions: { show: { ...show, modelType: ['text'] } },
		options: [
			{ name: 'All', value: 'all', description: 'Every text model (GET /v1/models)' },
			{ name: 'Paid Only', value: 'paid', description: 'Models billed pay-as-you-go only (GET /paid/v1/models)' },
			{ name: 'Personalized', value: 'personalized', description: 'The list of this account (GET /personalized/v1/models)' },
			{ name: 'Subscription-Included', value: 'subscription', description: 'Models a NanoGPT subscription includes (GET /subscription/v1/models)' },
		],
	},
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. claude',
		description: 'Only models whose ID or name contains this text (not case-sensitive). Leave empty for all.',
		displayOptions: { show },
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		default: 'catalog',
		displayOptions: { show },
		options: [
			{ name: 'Catalogue Order', value: 'catalog', description: 'As NanoGPT lists them' },
			{ name: 'Lowest Price First', value: 'price', description: 'Cheapest first; models without a price last' },
			{ name: 'Name', value: 'name' },
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
];
