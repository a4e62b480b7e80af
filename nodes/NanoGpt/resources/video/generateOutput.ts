import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteAnswer } from '../../../shared/errors';
import { credentialSecrets } from '../../shared/secrets';
import { statusJson, withVideoFile } from './videoOutput';
import { waitForVideo } from './waitForVideo';
import { readWaitSettings } from './waitSettings';

async function requestIdOf(context: IExecuteSingleFunctions, body: IDataObject): Promise<string> {
	const id = [body.runId, body.id, body.requestId].find((value) => typeof value === 'string' && value.trim() !== '');
	if (typeof id !== 'string') {
		throw new NodeOperationError(context.getNode(), 'NanoGPT accepted the video request but returned no request ID', {
			description: `The answer was ${quoteAnswer(body, await credentialSecrets(context), 300)}. Check your recent generations on nano-gpt.com before running the node again.`,
		});
	}
	return id.trim();
}

/**
 * postReceive of Video > Generate: without waiting, the submission answer plus its request ID; with waiting,
 * polls the status until the video is ready (or failed) and downloads it when asked to.
 */
export async function finishVideoGeneration(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const requestId = await requestIdOf(this, body);
	if (!(this.getNodeParameter('waitForCompletion', true) as boolean)) {
		return [{ json: { requestId, ...body } }];
	}
	const status = await waitForVideo(this, requestId, readWaitSettings(this));
	const item: INodeExecutionData = {
		json: {
			...statusJson(status),
			model: status.model ?? body.model ?? null,
			cost: body.cost ?? status.cost ?? null,
			paymentSource: body.paymentSource ?? null,
			remainingBalance: body.remainingBalance ?? null,
			submission: body,
		},
	};
	if (!(this.getNodeParameter('downloadVideo', true) as boolean)) return [item];
	return [await withVideoFile(this, item, status)];
}
