import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { costOfItems, spendingCapFor } from './spendingCap';
import { sendWithRetries } from './transport';

/**
 * requestOperations.pagination for one operation: runs the operation's preSend steps, sends the request with
 * per-item retries, and pairs every output item with its input item. With "Continue On Fail" (or n8n's error
 * output) a failure of this item becomes one error item paired with its input; other items are unaffected.
 */
export function executeItem(preSend: PreSendAction[]) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const pairedItem = { item: this.getItemIndex() };
		try {
			for (const step of preSend) {
				requestData.options = (await step.call(this, requestData.options as IHttpRequestOptions)) as typeof requestData.options;
			}
			const ticket = await spendingCapFor(this)?.admit(this);
			try {
				const items = await sendWithRetries.call(this, requestData);
				ticket?.record(costOfItems(items));
				return items.map((item) => ({ ...item, pairedItem }));
			} finally {
				ticket?.release();
			}
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: pairedItem.item });
			if (!this.continueOnFail()) throw nodeError;
			return [{ json: { error: nodeError.message }, error: nodeError, pairedItem }];
		}
	};
}
