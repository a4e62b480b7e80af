import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** postReceive for every JSON endpoint: a body that is not a JSON object is a clear error, not an empty item. */
export async function requireJsonObjectBody(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) return items;
	const preview = typeof body === 'string' ? body.slice(0, 200) : String(body);
	throw new NodeOperationError(this.getNode(), 'NanoGPT sent a response that is not a JSON object', {
		description: `Received: ${JSON.stringify(preview)}. This is usually a temporary problem; run the node again.`,
	});
}
