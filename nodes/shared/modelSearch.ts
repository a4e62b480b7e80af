import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CATALOG_ENDPOINTS, catalogEntries, modelLabel, type ModelKind } from './catalog';
import { tryCallNanoGpt } from './connection';
import { nanoGptApiError, parseNanoGptError } from './errors';

/** n8n shows only the message of a model-list error in the editor, so the reason and the way out go there. */
const BY_ID_ADVICE = 'You can switch Model to By ID and enter the model ID meanwhile.';

export interface ListRequest {
	url: string;
	qs?: IDataObject;
}

/** Loads one NanoGPT list with the credential; errors say why, in NanoGPT's words, and how to go on. */
export async function fetchList(
	context: ILoadOptionsFunctions,
	request: ListRequest,
	listName: string,
	advice: string,
): Promise<IDataObject[]> {
	const outcome = await tryCallNanoGpt(context, { method: 'GET', url: request.url, qs: request.qs, json: true, timeoutMs: 60_000 });
	const failure = `Could not load the NanoGPT ${listName}`;
	if ('error' in outcome) {
		const reason = outcome.error.message;
		throw new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
			message: `${failure}: ${reason.replace(/\.?$/, '.')} ${advice}`,
			description: outcome.error.description ?? 'Check the credential Base URL and the network.',
		});
	}
	const response = outcome.response;
	if (response.statusCode >= 400) {
		const apiError = nanoGptApiError(context.getNode(), parseNanoGptError(response.statusCode, response.body, response.headers));
		const detail = apiError.description ? ` ${apiError.description.replace(/\.?$/, '.')}` : '';
		apiError.message = `${failure}: ${apiError.message.replace(/\.?$/, '.')}${detail} ${advice}`;
		throw apiError;
	}
	return catalogEntries(response.body);
}

/** Loads one NanoGPT model catalogue (see CATALOG_ENDPOINTS). */
export async function fetchCatalog(context: ILoadOptionsFunctions, kind: ModelKind): Promise<IDataObject[]> {
	return await fetchList(context, CATALOG_ENDPOINTS[kind], 'model list', BY_ID_ADVICE);
}

/** Search results over a list: every model, filtered by the search text (name or ID), sorted by name. */
export function searchResults(
	models: IDataObject[],
	label: (model: IDataObject) => string,
	filter?: string,
	describe: (model: IDataObject) => string | undefined = (model) =>
		typeof model.description === 'string' ? model.description : undefined,
): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = models
		.map((model) => ({
			name: label(model),
			value: String(model.id),
			description: describe(model),
		}))
		.filter(
			(option) =>
				needle === '' ||
				option.name.toLowerCase().includes(needle) ||
				option.value.toLowerCase().includes(needle),
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
	return { results };
}

/** A listSearch method over one catalogue, labelled with name and price (or the given label). */
export function modelSearch(kind: ModelKind, label: (model: IDataObject) => string = (model) => modelLabel(kind, model)) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return searchResults(await fetchCatalog(this, kind), label, filter);
	};
}

export const listSearch = {
	searchTextModels: modelSearch('text'),
	searchImageModels: modelSearch('image'),
	searchSpeechModels: modelSearch('tts'),
	searchTranscriptionModels: modelSearch('stt'),
	searchVideoModels: modelSearch('video'),
};
