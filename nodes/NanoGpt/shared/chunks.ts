import type { IExecuteSingleFunctions, INodePropertyRouting } from 'n8n-workflow';

/**
 * Requests split into chunks within one item: NanoGPT caps some lists per request (5 URLs to scrape, 10 YouTube
 * videos, 2,048 texts to embed). An operation declares how many requests an item needs with inChunks(); the
 * execution path (../execution/executeOperation.ts) then sends the item's chunks one after the other, each through
 * the operation's normal steps (preSend, send with retries, postReceive), and the steps read which chunk they
 * handle with chunkIndexOf(this). A chunk that fails does not resend the chunks before it (they were billed).
 */

export type ChunkCounter = (context: IExecuteSingleFunctions) => number;

const chunkCounters = new WeakMap<object, ChunkCounter>();

/** The chunk being sent, per item context (steps may see a child of that context). */
const currentChunk = new WeakMap<object, number>();

/** Declares that an item of this operation is sent as `countChunks(itemContext)` requests. */
export function inChunks(routing: INodePropertyRouting, countChunks: ChunkCounter): INodePropertyRouting {
	chunkCounters.set(routing, countChunks);
	return routing;
}

/** The chunk counter an operation declared with inChunks(), if any. */
export function chunkCounterOf(routing: INodePropertyRouting | undefined): ChunkCounter | undefined {
	return routing ? chunkCounters.get(routing) : undefined;
}

/** How many requests the item needs: at least 1. When counting fails (bad input), 1: the preSend reports it. */
export function chunkCountFor(counter: ChunkCounter | undefined, context: IExecuteSingleFunctions): number {
	if (!counter) return 1;
	try {
		return Math.max(1, Math.floor(counter(context)));
	} catch {
		return 1;
	}
}

/** Marks which chunk the item's next request carries. */
export function setChunkIndex(context: IExecuteSingleFunctions, index: number): void {
	currentChunk.set(context, index);
}

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
