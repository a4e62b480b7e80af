import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CATALOG_ENDPOINTS, catalogEntries, modelLabel } from '../NanoGpt/shared/catalog';
import { CREDENTIAL_TYPE, normalizeBaseUrl } from '../NanoGpt/shared/constants';
import { nanoGptApiError, parseNanoGptError } from '../NanoGpt/shared/errors';

/** Whether the detailed catalogue says the model supports tool calling. */
export function supportsToolCalling(model: IDataObject): boolean {
	const capabilities = model.capabilities as IDataObject | undefined;
	return capabilities?.tool_calling === true || capabilities?.toolCalling === true;
}

async function fetchTextModels(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const endpoint = CATALOG_ENDPOINTS.text;
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

/** listSearch: every text model, tool-calling models marked "Tools", filtered by the search text, sorted by name. */
export async function searchChatModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const models = await fetchTextModels(this);
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
