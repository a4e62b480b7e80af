import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteAnswer } from '../../shared/errors';
import { credentialSecrets } from './secrets';

/** postReceive for every JSON endpoint: a body that is not a JSON object is a clear error, not an empty item. */
export async function requireJsonObjectBody(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) return items;
	const received = quoteAnswer(body, await credentialSecrets(this));
	throw new NodeOperationError(this.getNode(), 'NanoGPT sent a response that is not a JSON object', {
		description: `Received ${received}. This is usually a temporary problem (or the credential Base URL points at something that is not NanoGPT); run the node again.`,
	});
}
