import type { IDataObject, IExecuteSingleFunctions, INodePropertyRouting } from 'n8n-workflow';

/**
 * Requests shared by several items: NanoGPT takes lists in one request (2,048 texts to embed, 5 URLs to
 * scrape, 10 YouTube videos), so an operation can declare that its items' lists go together. The execution path (../execution/runAcrossItems.ts) then builds each item's
 * request as usual, puts items whose requests differ only in the list into the same requests (in input order, at
 * most `sizeOf` entries each) and pairs every output with the item its entry came from.
 */
export interface AcrossItems {
	/**
	 * The body field that carries the list (e.g. `input`). The operation's preSend puts the item's checked entries
	 * there (bad input throws a clear error: that item fails, the others go on); shared requests regroup them.
	 */
	listField: string;
	/** The most entries one request may carry, as the item's options say. */
	sizeOf(context: IExecuteSingleFunctions): number;
	/** What else must match for items to share a request (output options the request does not carry). */
	keyOf?(context: IExecuteSingleFunctions): unknown;
	/** One output per entry of a request, from NanoGPT's answer; `indexes[i]` is entry i's position in its item. */
	outputsOf(context: IExecuteSingleFunctions, entries: unknown[], body: IDataObject, indexes: number[]): IDataObject[];
}

const declarations = new WeakMap<object, AcrossItems>();

/** Declares that the items of this operation share requests. */
export function acrossItems(routing: INodePropertyRouting, spec: AcrossItems): INodePropertyRouting {
	declarations.set(routing, spec);
	return routing;
}

/** The cross-item declaration of an operation, if any. */
export function acrossItemsOf(routing: INodePropertyRouting | undefined): AcrossItems | undefined {
	return routing ? declarations.get(routing) : undefined;
}
