import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';

/**
 * The secrets of the node's credential (its API key), for redacting them from any text the node quotes.
 * Empty when the credential cannot be read: the pattern-based redaction still applies.
 */
export async function credentialSecrets(context: IExecuteSingleFunctions): Promise<string[]> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const key = credentials?.apiKey;
		return typeof key === 'string' && key.trim() !== '' ? [key.trim()] : [];
	} catch {
		return [];
	}
}
