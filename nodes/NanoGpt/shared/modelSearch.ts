import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CATALOG_ENDPOINTS, catalogEntries, modelLabel, type ModelKind } from './catalog';
import { tryCallNanoGpt } from '../../shared/connection';
import { nanoGptApiError, parseNanoGptError } from '../../shared/errors';

/** Loads one NanoGPT model catalogue with the credential; errors are shown in NanoGPT words. */
export async function fetchCatalog(context: ILoadOptionsFunctions, kind: ModelKind): Promise<IDataObject[]> {
	const endpoint = CATALOG_ENDPOINTS[kind];
	const outcome = await tryCallNanoGpt(context, { method: 'GET', url: endpoint.url, qs: endpoint.qs, json: true, timeoutMs: 60_000 });
	if ('error' in outcome) {
		const reason = outcome.error.message;
		throw new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
			message: `Could not load the NanoGPT model list: ${reason}. You can switch Model to By ID and enter the ID.`,
			description: outcome.error.description ?? 'Check the credential Base URL and the network.',
		});
	}
	const response = outcome.response;
	if (response.statusCode >= 400) {
		throw nanoGptApiError(context.getNode(), parseNanoGptError(response.statusCode, response.body, response.headers));
	}
	return catalogEntries(response.body);
}

/** A listSearch method over one catalogue: every model, filtered by the search text, sorted by name. */
export function modelSearch(kind: ModelKind) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const models = await fetchCatalog(this, kind);
		const needle = (filter ?? '').trim().toLowerCase();
		const results = models
			.map((model) => ({
				name: modelLabel(kind, model),
				value: String(model.id),
				description: typeof model.description === 'string' ? model.description : undefined,
			}))
			.filter(
				(option) =>
					needle === '' ||
					option.name.toLowerCase().includes(needle) ||
					option.value.toLowerCase().includes(needle),
			)
			.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
		return { results };
	};
}

export const listSearch = {
	searchTextModels: modelSearch('text'),
	searchImageModels: modelSearch('image'),
	searchSpeechModels: modelSearch('tts'),
	searchTranscriptionModels: modelSearch('stt'),
	searchVideoModels: modelSearch('video'),
};
