import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

/**
 * Requests split into chunks within one item: NanoGPT caps some lists per request (5 URLs to scrape, 10 YouTube
 * videos, 2,048 texts to embed). An item with a longer list is sent as several requests, one after the other,
 * each through the operation's normal per-item path (preSend, retries, postReceive, Continue On Fail pairing).
 * A chunk that fails does not undo or resend the chunks before it (those were answered and billed).
 */

/** The chunk being sent, per item context (the preSend sees a child of that context, postReceive the context itself). */
const currentChunk = new WeakMap<object, number>();

/** Which chunk of the item's list the current request carries (0 when the item is not split). */
export function chunkIndexOf(context: IExecuteSingleFunctions): number {
	let current: object | null = context;
	for (let depth = 0; current && depth < 4; depth++) {
		const index = currentChunk.get(current);
		if (index !== undefined) return index;
		current = Object.getPrototypeOf(current) as object | null;
	}
	return 0;
}

/**
 * Wraps an operation's routing (from operationRouting) so that an item is sent as `countChunks()` requests.
 * The preSend and postReceive steps read the chunk with chunkIndexOf(this). When counting fails (bad input),
 * one request is attempted, so the preSend reports the problem in its own words.
 */
export function inChunks(
	routing: INodePropertyRouting,
	countChunks: (context: IExecuteSingleFunctions) => number,
): INodePropertyRouting {
	const sendItem = routing.operations?.pagination;
	if (typeof sendItem !== 'function') throw new Error('inChunks needs a routing built by operationRouting');
	const pagination = async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		let count = 1;
		try {
			count = Math.max(1, Math.floor(countChunks(this)));
		} catch {
			count = 1;
		}
		const itemContext = Object.getPrototypeOf(this) as object;
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < count; index++) {
			currentChunk.set(itemContext, index);
			// Each chunk gets its own request options and, after the first, its own context: a chunk whose
			// request failed before NanoGPT answered it may be retried even though an earlier chunk was answered.
			const chunkContext = index === 0 ? this : (Object.create(this) as IExecutePaginationFunctions);
			const chunkRequest = { ...requestData, options: deepCopy(requestData.options) };
			output.push(...(await sendItem.call(chunkContext, chunkRequest)));
		}
		currentChunk.delete(itemContext);
		return output;
	};
	return { ...routing, operations: { ...routing.operations, pagination } };
}
