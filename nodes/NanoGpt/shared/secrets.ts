import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import { rememberSecrets } from './errors';

/**
 * The secrets of the node's credential (its API key), for redacting them from any text the node quotes. Reading
 * them also remembers them (rememberSecrets), so error texts built without the credential at hand are redacted too.
 * Empty when the credential cannot be read: the pattern-based redaction still applies.
 */
export async function credentialSecrets(context: {
	getCredentials: (type: string) => Promise<ICredentialDataDecryptedObject>;
}): Promise<string[]> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const key = credentials?.apiKey;
		const secrets = typeof key === 'string' && key.trim() !== '' ? [key.trim()] : [];
		rememberSecrets(secrets);
		return secrets;
	} catch {
		return [];
	}
}
