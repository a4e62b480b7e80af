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

/** n8n shows only the message of a model-list error in the editor, so the reason and the way out go there. */
const BY_ID_ADVICE = 'You can switch Model to By ID and enter the model ID meanwhile.';

/** The reason a request did not get an answer, in words (not the HTTP library's text). */
export function networkFailureReason(error: unknown): string {
	const code = String((error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code ?? '');
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host of the credential\'s Base URL was not found (check the Base URL and the network)';
	if (code === 'ECONNREFUSED') return 'nothing answers at the credential\'s Base URL (check the Base URL)';
	if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection to NanoGPT was closed before an answer came (try again)';
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || /timeout/i.test(String((error as Error)?.message))) {
		return 'NanoGPT did not answer within 60 seconds (try again)';
	}
	if (/certificate|self[- ]signed|SSL|TLS/i.test(`${code} ${String((error as Error)?.message)}`)) {
		return 'the TLS certificate of the Base URL was not accepted (check the Base URL)';
	}
	return `NanoGPT could not be reached${code ? ` (${code})` : ''} (check the credential's Base URL and the network)`;
}

/** Loads one NanoGPT model catalogue with the credential; errors say why, in NanoGPT's words, and how to go on. */
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
		const reason = networkFailureReason(error);
		throw new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
			message: `Could not load the NanoGPT model list: ${reason}. ${BY_ID_ADVICE}`,
			description: BY_ID_ADVICE,
		});
	}
	if (response.statusCode >= 400) {
		const apiError = nanoGptApiError(context.getNode(), parseNanoGptError(response.statusCode, response.body, response.headers));
		const advice = apiError.description ? ` ${apiError.description.replace(/\.?$/, '.')}` : '';
		apiError.message = `Could not load the NanoGPT model list: ${apiError.message.replace(/\.?$/, '.')}${advice} ${BY_ID_ADVICE}`;
		throw apiError;
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
