import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { formatUsd } from './catalog';
import { fetchList, modelSearch, searchResults } from './modelSearch';

function numberOf(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** "Text Embedding 3 Small (1536 dimensions, reducible; $0.02 per 1M tokens)". */
export function embeddingModelLabel(model: IDataObject): string {
	const id = String(model.id ?? '');
	const name = typeof model.name === 'string' && model.name.trim() !== '' ? model.name.trim() : id;
	const details: string[] = [];
	const dimensions = numberOf(model.dimensions);
	if (dimensions !== undefined) details.push(`${dimensions} dimensions${model.supports_dimensions === true ? ', reducible' : ''}`);
	const price = numberOf((model.pricing as IDataObject | undefined)?.per_million_tokens);
	if (price !== undefined) details.push(`${formatUsd(price)} per 1M tokens`);
	return details.length ? `${name} (${details.join('; ')})` : name;
}

/** listSearch over /v1/embedding-models, with dimensions and price in the label. */
export const searchEmbeddingModels = modelSearch('embedding', embeddingModelLabel);

/** "Omni Moderation (text, image; $0.1 per 1M tokens)". */
export function moderationModelLabel(model: IDataObject): string {
	const id = String(model.id ?? '');
	const name = typeof model.name === 'string' && model.name.trim() !== '' ? model.name.trim() : id;
	const details: string[] = [];
	const capabilities = (model.capabilities ?? {}) as IDataObject;
	const inputs = ['text', 'image'].filter((kind) => capabilities[kind] === true);
	if (inputs.length) details.push(inputs.join(', '));
	const price = numberOf((model.pricing as IDataObject | undefined)?.prompt);
	if (price !== undefined) details.push(`${formatUsd(price)} per 1M tokens`);
	return details.length ? `${name} (${details.join('; ')})` : name;
}

/** listSearch over /v1/moderation-models, with the accepted inputs and the price in the label. */
export async function searchModerationModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const models = await fetchList(
		this,
		{ url: '/v1/moderation-models' },
		'moderation model list',
		'You can enter a model ID, or leave the model empty.',
	);
	return searchResults(models, moderationModelLabel, filter);
}

export const knowledgeListSearch = { searchEmbeddingModels, searchModerationModels };
