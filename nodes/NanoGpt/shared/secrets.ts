import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { connectionOf } from '../../shared/connection';

/**
 * The secrets of the node's credential (its API key), for redacting them from any text the node quotes. The
 * credential is read once per run (connectionOf), which also remembers the key for every later redaction.
 * Empty when the credential cannot be read: the pattern-based redaction still applies.
 */
export async function credentialSecrets(context: IExecuteSingleFunctions): Promise<string[]> {
	try {
		const key = (await connectionOf(context)).credentials.apiKey;
		return typeof key === 'string' && key.trim() !== '' ? [key.trim()] : [];
	} catch {
		return [];
	}
}
