import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Connection } from '../../shared/connection';
import type { AcrossItems } from '../shared/batching';
import { chunksOf } from '../shared/lists';
import type { RequestSettings } from '../shared/requestSettings';
import type { SpendingCap } from '../shared/spendingCap';
import { itemContextOf } from './itemContext';
import type { OperationPlan } from './operationPlan';
import { asNodeError, prepareRequest, sendPrepared, type PreparedRequest } from './preparedRequest';

/** An item taking part: its context and its checked entries. */
interface Member {
	itemIndex: number;
	context: IExecuteSingleFunctions;
	entries: unknown[];
}

/** Items whose requests are the same but for the list, and the most entries one request carries. */
interface Group {
	prepared: PreparedRequest;
	size: number;
	members: Member[];
}

/** One entry of a shared request and where it came from. */
interface Entry {
	member: Member;
	position: number;
}

/** Answers that say the request's content was refused: sending each item alone finds the item at fault. */
const CONTENT_REFUSALS = ['400', '413', '422'];

function refusedForContent(error: unknown): boolean {
	return error instanceof NodeApiError && CONTENT_REFUSALS.includes(String(error.httpCode));
}

/** The request without its list, and the batch size: items with the same key can share requests. */
function groupKey(prepared: PreparedRequest, listField: string, size: number, extra: unknown): string {
	const { body, ...rest } = prepared.requestOptions;
	const { [listField]: _list, ...bodyWithoutList } = (body ?? {}) as IDataObject;
	return JSON.stringify({ rest, body: bodyWithoutList, size, extra });
}

/** A copy of a shared request's error for one of its items (each error item names its own item). */
function errorFor(run: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const copy: unknown =
		error instanceof Error ? Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) : error;
	return asNodeError(run, copy, itemIndex);
}

/**
 * Runs an operation whose items share requests (shared/batching.ts). Per item: its request (with its entries in
 * the list field) is built and checked as usual (bad input fails that item only). Items whose requests differ only in the list go
 * together, in input order, at most `size` entries per request; each output is paired with its item. A shared
 * request refused for its content (400, 413, 422; not billed) is sent again item by item, so only the item at fault
 * fails; any other failure fails every item it carried. An item whose entries span several requests keeps the
 * outputs of those that succeeded (with Continue On Fail, followed by an error item), like a chunked item.
 */
export async function runAcrossItems(
	run: IExecuteFunctions,
	plan: OperationPlan,
	spec: AcrossItems,
	connection: Connection,
	settings: RequestSettings,
	items: INodeExecutionData[],
	cap?: SpendingCap,
): Promise<Array<PromiseSettledResult<INodeExecutionData[]>>> {
	const refused = new Map<number, unknown>();
	const groups = new Map<string, Group>();
	const members = await Promise.all(
		items.map(async (item, itemIndex) => {
			try {
				const context = itemContextOf(run, itemIndex, item);
				const size = spec.sizeOf(context);
				// The preSend checked the item's entries and put them in the list field.
				const prepared = await prepareRequest(run, plan, settings, context);
				const entries = ((prepared.requestOptions.body ?? {}) as IDataObject)[spec.listField];
				if (!Array.isArray(entries)) throw new Error(`The request of ${plan.key} has no list in "${spec.listField}"`);
				return { member: { itemIndex, context, entries }, prepared, size, extra: spec.keyOf?.(context) };
			} catch (error) {
				refused.set(itemIndex, error);
				return undefined;
			}
		}),
	);
	for (const prepared of members) {
		if (!prepared) continue;
		const key = groupKey(prepared.prepared, spec.listField, prepared.size, prepared.extra);
		const group = groups.get(key) ?? { prepared: prepared.prepared, size: prepared.size, members: [] };
		group.members.push(prepared.member);
		groups.set(key, group);
	}

	const outputs = new Map<number, Array<{ position: number; json: IDataObject }>>();
	const failed = new Map<number, unknown>();

	async function send(group: Group, entries: Entry[]): Promise<void> {
		const context = entries[0].member.context;
		const body = { ...((group.prepared.requestOptions.body ?? {}) as IDataObject) };
		body[spec.listField] = entries.map(({ member, position }) => member.entries[position]) as IDataObject[];
		try {
			const { response } = await sendPrepared(
				context,
				connection,
				settings,
				{ ...group.prepared, requestOptions: { ...group.prepared.requestOptions, body } },
				cap,
			);
			const results = spec.outputsOf(
				context,
				body[spec.listField] as unknown[],
				response.body as IDataObject,
				entries.map((entry) => entry.position),
			);
			entries.forEach((entry, index) => {
				const list = outputs.get(entry.member.itemIndex) ?? [];
				list.push({ position: entry.position, json: results[index] });
				outputs.set(entry.member.itemIndex, list);
			});
		} catch (error) {
			const carried = [...new Set(entries.map((entry) => entry.member))];
			if (carried.length > 1 && refusedForContent(error)) {
				await Promise.all(carried.map(async (member) => await send(group, entries.filter((entry) => entry.member === member))));
				return;
			}
			for (const member of carried) if (!failed.has(member.itemIndex)) failed.set(member.itemIndex, error);
		}
	}

	const requests: Array<Promise<void>> = [];
	for (const group of groups.values()) {
		const entries = group.members.flatMap((member) => member.entries.map((_, position) => ({ member, position })));
		for (const chunk of chunksOf(entries, group.size)) if (chunk.length) requests.push(send(group, chunk));
	}
	await Promise.all(requests);

	return items.map((_, itemIndex): PromiseSettledResult<INodeExecutionData[]> => {
		if (refused.has(itemIndex)) return { status: 'rejected', reason: refused.get(itemIndex) };
		const done = (outputs.get(itemIndex) ?? [])
			.sort((a, b) => a.position - b.position)
			.map(({ json }): INodeExecutionData => ({ json }));
		if (!failed.has(itemIndex)) return { status: 'fulfilled', value: done };
		const error = errorFor(run, failed.get(itemIndex), itemIndex);
		if (done.length === 0 || !run.continueOnFail()) return { status: 'rejected', reason: error };
		return { status: 'fulfilled', value: [...done, { json: { error: error.message }, error: error as INodeExecutionData['error'] }] };
	});
}
