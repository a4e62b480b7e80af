import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { modelLabel } from '../shared/catalog';
import { fetchCatalog, searchResults } from '../shared/modelSearch';

/** Whether the detailed catalogue says the model supports tool calling. */
export function supportsToolCalling(model: IDataObject): boolean {
	const capabilities = model.capabilities as IDataObject | undefined;
	return capabilities?.tool_calling === true || capabilities?.toolCalling === true;
}

/** listSearch: every text model, tool-calling models marked "Tools", filtered by the search text, sorted by name. */
export async function searchChatModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return searchResults(
		await fetchCatalog(this, 'text'),
		(model) => (supportsToolCalling(model) ? `${modelLabel('text', model)} · Tools` : modelLabel('text', model)),
		filter,
		(model) => {
			const description = typeof model.description === 'string' ? model.description : undefined;
			if (!supportsToolCalling(model)) return description;
			return `Supports tool calling (needed by the AI Agent).${description ? ` ${description}` : ''}`;
		},
	);
}
