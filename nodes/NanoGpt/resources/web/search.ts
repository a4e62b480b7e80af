import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nanoGptApiError, parseNanoGptError } from '../../../shared/errors';
import { isoDate, listOf, requireHttpUrl } from '../../shared/lists';
import { bodyOf, checkNumberInRange, parseJsonParameter, requireText } from '../../shared/parameters';
import { simplifyField } from '../../shared/descriptions';

const show = { resource: ['web'], operation: ['search'] };

/** NanoGPT's search providers (WebSearchRequest.provider); Linkup is NanoGPT's default. */
const PROVIDERS = [
	{ name: 'Brave', value: 'brave' },
	{ name: 'Exa', value: 'exa' },
	{ name: 'Firecrawl', value: 'firecrawl' },
	{ name: 'Kagi', value: 'kagi' },
	{ name: 'Linkup (NanoGPT Default)', value: 'linkup' },
	{ name: 'Perplexity', value: 'perplexity' },
	{ name: 'Sofya', value: 'sofya' },
	{ name: 'Tavily', value: 'tavily' },
	{ name: 'Valyu', value: 'valyu' },
];

export const webSearchFields: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. latest n8n release notes',
		description: 'What to search the web for. Needed except for the Sofya Fetch and Extract operations.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'query' } },
	},
	{
		displayName: 'Provider',
		name: 'searchProvider',
		type: 'options',
		default: 'linkup',
		description: 'The search engine NanoGPT uses. Prices differ per provider and depth.',
		options: PROVIDERS,
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'provider' } },
	},
	{
		displayName: 'Output Type',
		name: 'searchOutputType',
		type: 'options',
		default: 'searchResults',
		description: 'What NanoGPT returns. Sourced answers and structured output need the Linkup provider.',
		options: [
			{ name: 'Search Results', value: 'searchResults', description: 'A list of results, one output item each' },
			{ name: 'Sourced Answer', value: 'sourcedAnswer', description: 'A written answer with its sources (Linkup)' },
			{ name: 'Structured', value: 'structured', description: 'Data following your JSON schema (Linkup)' },
		],
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'outputType' } },
	},
	{
		displayName: 'Structured Output Schema',
		name: 'structuredOutputSchema',
		type: 'json',
		default: '{\n  "type": "object",\n  "properties": {\n    "items": { "type": "array", "items": { "type": "string" } }\n  }\n}',
		required: true,
		description: 'The JSON schema the structured answer follows (sent to NanoGPT as a JSON string)',
		displayOptions: { show: { ...show, searchOutputType: ['structured'] } },
	},
	{
		displayName: 'Depth',
		name: 'searchDepth',
		type: 'options',
		default: 'standard',
		description: 'Standard is fast and cheap; deep searches longer and costs more (Linkup: $0.006 or $0.06 per search)',
		options: [
			{ name: 'Standard', value: 'standard' },
			{ name: 'Deep', value: 'deep' },
		],
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'depth' } },
	},
	{
		...simplifyField(show, 'one item per search result (or the answer with its sources)'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Exclude Domains',
				name: 'excludeDomains',
				type: 'string',
				default: '',
				placeholder: 'e.g. example.com, spam.com',
				description: 'Domains whose pages are left out (separated by commas or one per line)',
			},
			{
				displayName: 'Extraction Prompt',
				name: 'extractPrompt',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Sofya Extract: what to extract from the page',
				routing: { send: { type: 'body', property: 'prompt' } },
			},
			{
				displayName: 'Freshness',
				name: 'freshness',
				type: 'string',
				default: 'week',
				placeholder: 'e.g. week or 2025-01-01:2025-01-31',
				description: 'Sofya: day, week, month, year, or a range YYYY-MM-DD:YYYY-MM-DD',
				routing: { send: { type: 'body', property: 'freshness' } },
			},
			{
				displayName: 'From Date',
				name: 'fromDate',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2025-01-01',
				description: 'Only results from this date on (YYYY-MM-DD)',
			},
			{
				displayName: 'Include Domains',
				name: 'includeDomains',
				type: 'string',
				default: '',
				placeholder: 'e.g. docs.n8n.io, github.com',
				description: 'Search only these domains (separated by commas or one per line)',
			},
			{
				displayName: 'Include Images',
				name: 'includeImages',
				type: 'boolean',
				default: true,
				description: 'Whether to include image results',
				routing: { send: { type: 'body', property: 'includeImages' } },
			},
			{
				displayName: 'Include Raw HTML',
				name: 'includeRawHtml',
				type: 'boolean',
				default: true,
				description: 'Whether Sofya Fetch returns the raw HTML of the pages too',
				routing: { send: { type: 'body', property: 'includeRawHtml' } },
			},
			{
				displayName: 'Max Results',
				name: 'maxResults',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1, maxValue: 20, numberPrecision: 0 },
				description: 'The most results to return (1 to 20)',
				routing: { send: { type: 'body', property: 'maxResults' } },
			},
			{
				displayName: 'Max Sources',
				name: 'maxSources',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 5, maxValue: 30, numberPrecision: 0 },
				description: 'Sofya Research: the most sources to read (5 to 30)',
				routing: { send: { type: 'body', property: 'maxSources' } },
			},
			{
				displayName: 'Sofya Operation',
				name: 'sofyaOperation',
				type: 'options',
				default: 'search',
				description: 'What the Sofya provider does. Everything but Search works only with Sofya.',
				options: [
					{ name: 'Search', value: 'search', description: 'Search the web for the query' },
					{ name: 'Fetch', value: 'fetch', description: 'Fetch the pages at URLs (1 to 10)' },
					{ name: 'Extract', value: 'extract', description: 'Extract what the prompt asks for from one URL' },
					{ name: 'Research', value: 'research', description: 'Research the query across several sources' },
				],
				routing: { send: { type: 'body', property: 'operation' } },
			},
			{
				displayName: 'To Date',
				name: 'toDate',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2025-07-01',
				description: 'Only results up to this date (YYYY-MM-DD)',
			},
			{
				displayName: 'Topic',
				name: 'topic',
				type: 'options',
				default: 'general',
				description: 'Sofya Search or Research: the kind of sources',
				options: [
					{ name: 'General', value: 'general' },
					{ name: 'News', value: 'news' },
				],
				routing: { send: { type: 'body', property: 'topic' } },
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/pricing',
				description: 'Sofya Extract: the page to extract from',
				routing: { send: { type: 'body', property: 'url' } },
			},
			{
				displayName: 'URLs',
				name: 'urls',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/a, https://example.com/b',
				description: 'Sofya Fetch: the pages to fetch (1 to 10, separated by commas or one per line)',
			},
		],
	},
];

function fail(context: IExecuteSingleFunctions, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
}

/** preSend of Web > Search: checks the combination of provider, operation and output, and converts lists and dates. */
export async function buildWebSearchBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const provider = String(body.provider ?? 'linkup');
	const operation = String(options.sofyaOperation ?? 'search');
	if (operation !== 'search' && provider !== 'sofya') {
		fail(this, `The Sofya Operation "${operation}" needs the Sofya provider`, 'Set Provider to Sofya, or remove the Sofya Operation option to search.');
	}
	if (operation === 'search' || operation === 'research') {
		body.query = requireText(this, body.query, 'Query').trim();
	} else {
		delete body.query;
	}
	const outputType = String(body.outputType ?? 'searchResults');
	if (outputType !== 'searchResults' && provider !== 'linkup') {
		fail(
			this,
			`The Output Type "${outputType === 'structured' ? 'Structured' : 'Sourced Answer'}" needs the Linkup provider`,
			'NanoGPT supports sourced answers and structured output with Linkup only. Set Provider to Linkup, or Output Type to Search Results.',
		);
	}
	if (outputType === 'structured') {
		const schema = parseJsonParameter(this, this.getNodeParameter('structuredOutputSchema', ''), 'Structured Output Schema');
		body.structuredOutputSchema = JSON.stringify(schema);
	}
	if (options.maxResults !== undefined) {
		body.maxResults = checkNumberInRange(this, options.maxResults, 'Max Results', { min: 1, max: 20, integer: true });
	}
	if (options.maxSources !== undefined) {
		body.maxSources = checkNumberInRange(this, options.maxSources, 'Max Sources', { min: 5, max: 30, integer: true });
	}
	for (const [option, displayName] of [
		['fromDate', 'From Date'],
		['toDate', 'To Date'],
	] as const) {
		if (options[option] !== undefined && String(options[option]).trim() !== '') {
			body[option] = isoDate(this, options[option], displayName);
		}
	}
	if (typeof body.fromDate === 'string' && typeof body.toDate === 'string' && body.fromDate > body.toDate) {
		fail(this, 'The parameter "From Date" is after "To Date"', `From ${body.fromDate} to ${body.toDate} contains no day; swap the dates.`);
	}
	for (const [option, displayName] of [
		['includeDomains', 'Include Domains'],
		['excludeDomains', 'Exclude Domains'],
	] as const) {
		const domains = listOf(options[option]);
		if (domains.length) body[option] = domains;
		else if (options[option] !== undefined) fail(this, `The parameter "${displayName}" is empty`, 'Enter at least one domain, or remove the option.');
	}
	if (operation === 'fetch') {
		const urls = listOf(options.urls).map((url) => requireHttpUrl(this, url, 'URLs'));
		if (urls.length < 1 || urls.length > 10) {
			fail(this, 'The parameter "URLs" needs 1 to 10 addresses for Sofya Fetch', `Received ${urls.length}.`);
		}
		body.urls = urls;
	}
	if (operation === 'extract') {
		body.url = requireHttpUrl(this, requireText(this, options.url, 'URL').trim(), 'URL');
		body.prompt = requireText(this, options.extractPrompt, 'Extraction Prompt');
	}
	return requestOptions;
}

/**
 * postReceive (before the shared error handling): NanoGPT answers 402 when the balance is under $1.00, the
 * minimum it asks for web search even though one search costs cents. That deserves its own advice.
 */
export async function explainWebSearchBalance(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode !== 402) return items;
	const details = parseNanoGptError(response.statusCode, response.body, response.headers);
	const error = nanoGptApiError(this.getNode(), details);
	error.description = `NanoGPT requires a balance of at least $1.00 for web search, even though one search costs cents. Top up at https://nano-gpt.com, then run the node again.${details.requestId ? ` (NanoGPT request ID: ${details.requestId})` : ''}`;
	throw error;
}

function isObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** postReceive of Web > Search: one item per result, or one item with the answer (and its sources) or the data. */
export async function outputWebSearch(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	const body = response.body as IDataObject;
	const metadata = isObject(body.metadata) ? body.metadata : {};
	const data = body.data;
	if (Array.isArray(data)) {
		return data.map((result, index) => ({
			json: { position: index + 1, ...(isObject(result) ? result : { value: result as string }), metadata },
		}));
	}
	if (isObject(data) && (typeof data.answer === 'string' || Array.isArray(data.sources))) {
		return [{ json: { answer: data.answer ?? null, sources: data.sources ?? [], ...data, metadata } }];
	}
	return [{ json: { data: (data ?? null) as IDataObject, metadata } }];
}
