import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { modelLabel } from '../NanoGpt/shared/catalog';
import { fetchCatalog } from '../NanoGpt/shared/modelSearch';

/** Whether the detailed catalogue says the model supports tool calling. */
export function supportsToolCalling(model: IDataObject): boolean {
	const capabilities = model.capabilities as IDataObject | undefined;
	return capabilities?.tool_calling === true || capabilities?.toolCalling === true;
}


/** listSearch: every text model, tool-calling models marked "Tools", filtered by the search text, sorted by name. */
export async function searchChatModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const models = await fetchCatalog(this, 'text');
	const needle = (filter ?? '').trim().toLowerCase();
	const results = models
		.map((model) => {
			const tools = supportsToolCalling(model);
			const description = typeof model.description === 'string' ? model.description : undefined;
			return {
				name: tools ? `${modelLabel('text', model)} · Tools` : modelLabel('text', model),
				value: String(model.id),
				description: tools
					? `Supports tool calling (needed by the AI Agent).${description ? ` ${description}` : ''}`
					: description,
			};
		})
		.filter(
			(option) =>
				needle === '' || option.name.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle),
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
	return { results };
}
