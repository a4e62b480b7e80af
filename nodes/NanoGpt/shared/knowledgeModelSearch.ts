import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { formatUsd } from './catalog';
import { catalogEntries } from './catalog';
import { tryCallNanoGpt } from '../../shared/connection';
import { nanoGptApiError, parseNanoGptError } from '../../shared/errors';
import { fetchCatalog } from './modelSearch';

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
export async function searchEmbeddingModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const models = await fetchCatalog(this, 'embedding');
	const needle = (filter ?? '').trim().toLowerCase();
	const results = models
		.map((model) => ({
			name: embeddingModelLabel(model),
			value: String(model.id),
			description: typeof model.description === 'string' ? model.description : undefined,
		}))
		.filter((option) => needle === '' || option.name.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
	return { results };
}

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
	const outcome = await tryCallNanoGpt(this, { method: 'GET', url: '/v1/moderation-models', json: true, timeoutMs: 60_000 });
	if ('error' in outcome) {
		const reason = outcome.error.message;
		throw new NodeApiError(this.getNode(), { message: reason } as JsonObject, {
			message: `Could not load the NanoGPT moderation model list: ${reason}. You can enter a model ID, or leave the model empty.`,
			description: outcome.error.description ?? 'Check the credential Base URL and the network.',
		});
	}
	const response = outcome.response;
	if (response.statusCode >= 400) {
		throw nanoGptApiError(this.getNode(), parseNanoGptError(response.statusCode, response.body, response.headers));
	}
	const needle = (filter ?? '').trim().toLowerCase();
	const results = catalogEntries(response.body)
		.map((model) => ({ name: moderationModelLabel(model), value: String(model.id) }))
		.filter((option) => needle === '' || option.name.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
	return { results };
}

export const knowledgeListSearch = { searchEmbeddingModels, searchModerationModels };
