import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AcrossItems } from '../../shared/batching';
import { listOf, requireHttpUrl } from '../../shared/lists';
import { bodyOf } from '../../shared/parameters';

const show = { resource: ['web'], operation: ['scrapeUrls'] };

/** NanoGPT scrapes at most 5 URLs per request (ScrapeUrlsRequest.urls maxItems). */
export const MAX_URLS_PER_SCRAPE = 5;

export const scrapeUrlsFields: INodeProperties[] = [
	{
		displayName: 'URLs',
		name: 'scrapeUrls',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.url }} or https://example.com/a, https://example.com/b',
		description:
			"The pages to scrape: one per line or separated by commas, or a list from an expression. The URLs of all items go to NanoGPT together, at most 5 per request; each URL becomes one output item.",
		displayOptions: { show },
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
				displayName: 'Include HTML',
				name: 'includeHtml',
				type: 'boolean',
				default: true,
				description: 'Whether each output item keeps the raw HTML of the page (as content) next to the markdown',
			},
			{
				displayName: 'Stealth Mode',
				name: 'stealthMode',
				type: 'boolean',
				default: true,
				description: 'Whether NanoGPT scrapes in stealth mode, for sites that block scrapers (may cost more)',
				routing: { send: { type: 'body', property: 'stealthMode' } },
			},
		],
	},
];

/** The item's URLs, checked. */
export function scrapeUrlsOf(context: IExecuteSingleFunctions): string[] {
	const urls = listOf(context.getNodeParameter('scrapeUrls', ''));
	if (urls.length === 0) {
		throw new NodeOperationError(context.getNode(), 'The parameter "URLs" is empty', {
			description: 'Enter at least one address starting with https://, or an expression such as {{ $json.url }}.',
		});
	}
	return urls.map((url) => requireHttpUrl(context, url, 'URLs'));
}

/** preSend of Web > Scrape URLs: the item's URLs (shared requests carry at most 5, see scrapeAcrossItems). */
export async function buildScrapeUrlsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	bodyOf(requestOptions).urls = scrapeUrlsOf(this);
	return requestOptions;
}

/**
 * One output item per requested URL, in the order requested. A URL NanoGPT could not scrape is an item with
 * success false and NanoGPT's reason (the other URLs are unaffected).
 */
export function scrapeResultsToItems(urls: string[], body: IDataObject, includeHtml: boolean): IDataObject[] {
	const results = (Array.isArray(body.results) ? body.results : []).filter(
		(result): result is IDataObject => !!result && typeof result === 'object',
	);
	const unused = [...results];
	const summary = (body.summary ?? {}) as IDataObject;
	return urls.map((url, index) => {
		const position = unused.findIndex((result) => result.url === url);
		const result = position >= 0 ? unused.splice(position, 1)[0] : results.length === urls.length ? results[index] : undefined;
		if (!result) {
			return { url, success: false, error: 'NanoGPT returned no result for this URL (it may not be a valid public address)', summary };
		}
		const { content, ...rest } = result;
		const output: IDataObject = {
			url,
			success: result.success === true,
			title: result.title ?? null,
			markdown: result.markdown ?? null,
			...rest,
		};
		if (includeHtml && content !== undefined) output.content = content;
		if (result.success !== true) output.error = typeof result.error === 'string' && result.error !== '' ? result.error : 'NanoGPT could not scrape this URL';
		output.summary = summary;
		return output;
	});
}

function includesHtml(context: IExecuteSingleFunctions): boolean {
	return (context.getNodeParameter('options', {}) as IDataObject).includeHtml === true;
}

/**
 * Web > Scrape URLs sends the URLs of many items (one per item, or lists) together, at most 5 per request (NanoGPT's
 * limit); each page becomes an output item paired with the item its URL came from.
 */
export const scrapeAcrossItems: AcrossItems = {
	listField: 'urls',
	sizeOf: () => MAX_URLS_PER_SCRAPE,
	keyOf: includesHtml,
	outputsOf: (context, urls, body) => scrapeResultsToItems(urls as string[], body, includesHtml(context)),
};
