import type { INodeProperties } from 'n8n-workflow';

import { acrossItems } from '../../shared/batching';
import { operationRouting } from '../../shared/operation';
import { buildScrapeUrlsBody, scrapeAcrossItems, scrapeUrlsFields } from './scrapeUrls';
import { buildWebSearchBody, explainWebSearchBalance, outputWebSearch, webSearchFields } from './search';

const searchRouting = operationRouting({ method: 'POST', url: '/web' }, [buildWebSearchBody], {
	postReceive: [outputWebSearch],
});
searchRouting.output?.postReceive?.unshift(explainWebSearchBalance);

const scrapeRouting = acrossItems(operationRouting({ method: 'POST', url: '/scrape-urls' }, [buildScrapeUrlsBody]), scrapeAcrossItems);

export const webOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['web'] } },
	default: 'search',
	options: [
		{
			name: 'Scrape URLs',
			value: 'scrapeUrls',
			action: 'Scrape web pages',
			description: 'Get the title and the content as markdown of web pages, one output item per URL',
			routing: scrapeRouting,
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search the web',
			description: 'Search the web and get the results (title, URL, content) or an answer with its sources',
			routing: searchRouting,
		},
	],
};

/** The web resource: NanoGPT's web search and URL scraping. */
export const webDescription: INodeProperties[] = [webOperations, ...webSearchFields, ...scrapeUrlsFields];
