import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const REDIRECT_ADVICE =
	'The Base URL answered with a redirect to another address. Enter the address NanoGPT is really at as the Base URL (default https://nano-gpt.com/api); the API key is never sent to a redirect target.';

/** What n8n shows when the test request fails with one of these HTTP statuses (n8n shows only this message). */
const TEST_FAILURES: Array<[number, string]> = [
	[
		401,
		'NanoGPT did not accept the API key. Copy the key again from https://nano-gpt.com/api (it starts with sk-nano-), paste it without spaces, and check that the Base URL is a NanoGPT host.',
	],
	[
		403,
		'NanoGPT refused access with this API key. Check that the key is active and allowed to use the API at https://nano-gpt.com/api.',
	],
	[
		404,
		'Nothing found at the Base URL: it does not look like the NanoGPT API. Use https://nano-gpt.com/api (the default) or https://api.nano-gpt.com.',
	],
	[429, 'NanoGPT rate limit reached while testing the key. Wait a moment and test again.'],
	...[500, 502, 503, 504].map((status): [number, string] => [
		status,
		`NanoGPT is not available right now (HTTP ${status}). Try again in a few minutes; the key was not checked.`,
	]),
	...[301, 302, 303, 307, 308].map((status): [number, string] => [status, REDIRECT_ADVICE]),
];

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
	 * were a measurable share of the node's overhead on large batches (see docs/performance.md).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = String(credentials.apiKey ?? '').trim();
		requestOptions.headers = { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey };
		return requestOptions;
	}

	/**
	 * POST /check-balance rejects a bad key (GET /v1/models answers 200 to any key). Redirects are not followed, so
	 * the key (also in x-api-key, which redirects would carry on) never reaches another address; a redirect fails the
	 * test with advice. Rules turn the failing statuses into NanoGPT's advice instead of n8n's bare status text.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.baseUrl || "https://nano-gpt.com/api").trim().replace(/\\/+$/, "").replace(/\\/v1$/, "") }}',
			url: '/check-balance',
			method: 'POST',
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
		rules: TEST_FAILURES.map(
			([value, message]): IAuthenticateRuleResponseCode => ({ type: 'responseCode', properties: { value, message } }),
		),
	};
}
