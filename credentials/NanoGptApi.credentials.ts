import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class NanoGptApi implements ICredentialType {
	name = 'nanoGptApi';

	displayName = 'NanoGPT API';

	icon: Icon = { light: 'file:../icons/nanogpt.svg', dark: 'file:../icons/nanogpt.dark.svg' };

	documentationUrl = 'https://docs.nano-gpt.com/api-reference/miscellaneous/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your NanoGPT API key (starts with sk-nano-). Create one at https://nano-gpt.com/api.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://nano-gpt.com/api',
			description:
				'The NanoGPT API base URL. Change it for https://api.nano-gpt.com, an alternative NanoGPT host or a proxy. A trailing slash or /v1 is tolerated.',
		},
	];

	/**
	 * Sends the key as a Bearer token and as x-api-key (NanoGPT's legacy routes want the latter). A function
	 * rather than generic expressions: it runs for every request, and two expression evaluations per item
	 * were a measurable share of the node's overhead on large batches (see the README's Performance section).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = String(credentials.apiKey ?? '').trim();
		requestOptions.headers = { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://nano-gpt.com/api").trim().replace(/\\/+$/, "").replace(/\\/v1$/, "") }}',
			url: '/check-balance',
			method: 'POST',
		},
	};
}
