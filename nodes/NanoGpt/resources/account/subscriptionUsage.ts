import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { nanoGptApiError, parseNanoGptError } from '../../../shared/errors';

/** HTTP statuses NanoGPT answers for accounts (or keys) without a subscription. */
const NO_SUBSCRIPTION_STATUSES = new Set([403, 404]);

/**
 * postReceive (before the generic error handling) of Account > Get Subscription Usage: a 403 or 404 means the
 * account has no subscription, which deserves a plainer message than "not found".
 */
export async function explainMissingSubscription(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!NO_SUBSCRIPTION_STATUSES.has(response.statusCode)) return items;
	const details = parseNanoGptError(response.statusCode, response.body, response.headers);
	const error = nanoGptApiError(this.getNode(), details);
	error.message = 'This NanoGPT account has no subscription usage to show';
	error.description = `Get Subscription Usage works only for accounts with a NanoGPT subscription (and keys allowed to use it). NanoGPT answered HTTP ${details.status}: ${details.message}. Pay-as-you-go accounts can use Get Balance instead.`;
	throw error;
}
