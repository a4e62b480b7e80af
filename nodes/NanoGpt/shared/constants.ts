export const CREDENTIAL_TYPE = 'nanoGptApi';

export const DEFAULT_BASE_URL = 'https://nano-gpt.com/api';

/**
 * requestDefaults.baseURL: the credential's base URL without trailing slashes or a trailing /v1,
 * so ".../api", ".../api/" and ".../api/v1" all address the same routes.
 */
export const BASE_URL_EXPRESSION = `={{ String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().replace(/\\/+$/, "").replace(/\\/v1$/, "") }}`;

/** The same normalisation as BASE_URL_EXPRESSION, for code paths (list searches, downloads). */
export function normalizeBaseUrl(raw: unknown): string {
	const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	return value.replace(/\/+$/, '').replace(/\/v1$/, '');
}
