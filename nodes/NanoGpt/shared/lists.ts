import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A list parameter as strings: an array (set by expression), or text with one entry per line or separated by
 * commas. Entries are trimmed; empty entries are dropped.
 */
export function listOf(value: unknown): string[] {
	const entries = Array.isArray(value)
		? value.flatMap((entry) => (Array.isArray(entry) ? entry : [entry]))
		: typeof value === 'string'
			? value.split(/[\n,]/)
			: value === undefined || value === null
				? []
				: [value];
	return entries
		.map((entry) => (typeof entry === 'string' ? entry : typeof entry === 'number' ? String(entry) : JSON.stringify(entry)))
		.map((entry) => (entry ?? '').trim())
		.filter((entry) => entry !== '');
}

/** Splits a list into consecutive groups of at most `size` entries (at least one group, possibly empty). */
export function chunksOf<T>(entries: T[], size: number): T[][] {
	if (!(size >= 1)) throw new Error(`Invalid chunk size ${size}`);
	const chunks: T[][] = [];
	for (let start = 0; start < entries.length; start += size) chunks.push(entries.slice(start, start + size));
	return chunks.length ? chunks : [[]];
}

/** An http(s) URL, or a clear error naming the parameter. */
export function requireHttpUrl(context: IExecuteSingleFunctions, value: string, displayName: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" has an entry that is not a web address`, {
			description: `Received ${JSON.stringify(value.slice(0, 200))}. Use full addresses starting with https:// (one per line or separated by commas).`,
		});
	}
	return value;
}

/** A date as YYYY-MM-DD (also accepts an ISO date-time, whose date part is kept), or a clear error. */
export function isoDate(context: IExecuteSingleFunctions, value: unknown, displayName: string): string {
	const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : String(value ?? '');
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
	const date = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : undefined;
	if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text.slice(0, 10)) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is not a date`, {
			description: `Received ${JSON.stringify(text.slice(0, 100))}. Use the form YYYY-MM-DD, for example 2025-01-31.`,
		});
	}
	return text.slice(0, 10);
}
