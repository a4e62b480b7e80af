import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CATALOG_ENDPOINTS, catalogEntries, modelLabel, type ModelKind } from './catalog';
import { CREDENTIAL_TYPE, normalizeBaseUrl } from './constants';
import { nanoGptApiError, parseNanoGptError } from './errors';

/** Loads one NanoGPT model catalogue with the credential; errors are shown in NanoGPT words. */
export async function fetchCatalog(context: ILoadOptionsFunctions, kind: ModelKind): Promise<IDataObject[]> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const endpoint = CATALOG_ENDPOINTS[kind];
	let response: { statusCode: number; body: unknown; headers: IDataObject };
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'GET',
			baseURL: normalizeBaseUrl(credentials.baseUrl),
			url: endpoint.url,
			qs: endpoint.qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 60_000,
		})) as { statusCode: number; body: unknown; headers: IDataObject };
	} catch (error) {
		throw new NodeApiError(context.getNode(), { message: (error as Error).message } as JsonObject, {
			message: 'Could not load the NanoGPT model list',
			description: 'Check the credential Base URL and the network. You can also enter a model ID by hand.',
		});
	}
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
