import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads a JSON parameter (a JSON string or an object set by expression) and names the parameter on failure. */
export function parseJsonParameter(
	context: IExecuteSingleFunctions,
	value: unknown,
	displayName: string,
	expected: 'object' | 'any' = 'object',
): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') {
			throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is empty`, {
				description: 'Enter valid JSON, for example {"key": "value"}.',
			});
		}
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is not valid JSON`, {
				description: `${(error as Error).message}. Check quotes, commas and brackets.`,
			});
		}
	}
	if (expected === 'object' && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" must be a JSON object`, {
			description: 'Enter an object in curly braces, for example {"key": "value"}.',
		});
	}
	return parsed;
}

/** A number parameter checked against its documented range (expressions can bypass the UI limits). */
export function checkNumberInRange(
	context: IExecuteSingleFunctions,
	value: unknown,
	displayName: string,
	range: { min?: number; max?: number; integer?: boolean },
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" must be a number`, {
			description: `Received ${JSON.stringify(value)}.`,
		});
	}
	const limits = [
		range.min !== undefined ? `at least ${range.min}` : '',
		range.max !== undefined ? `at most ${range.max}` : '',
	]
		.filter(Boolean)
		.join(' and ');
	if ((range.min !== undefined && number < range.min) || (range.max !== undefined && number > range.max)) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" must be ${limits}`, {
			description: `Received ${number}.`,
		});
	}
	if (range.integer && !Number.isInteger(number)) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" must be a whole number`, {
			description: `Received ${number}.`,
		});
	}
	return number;
}

/** Reads the request body as an object (RoutingNode starts every request with {}). */
export function bodyOf(requestOptions: { body?: unknown }): IDataObject {
	if (!requestOptions.body || typeof requestOptions.body !== 'object' || Array.isArray(requestOptions.body)) {
		requestOptions.body = {};
	}
	return requestOptions.body as IDataObject;
}

/** How a value that is not text is named in messages ("an object", "an array"...). */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `an array (${value.length} ${value.length === 1 ? 'entry' : 'entries'})`;
	if (Buffer.isBuffer(value)) return 'binary data';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'function') return 'a function';
	return `a ${typeof value}`;
}

/**
 * A text parameter as text. Numbers and booleans become their text (harmless); undefined and null become "".
 * Objects and arrays (an expression that returns {"a": 1} or ["a", "b"]) are refused with a message naming the
 * parameter and the type received, instead of being sent as "[object Object]" or "a,b".
 */
export function textParameter(context: IExecuteSingleFunctions, value: unknown, displayName: string): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" must be text, but it is ${describeType(value)}`, {
		description: `An expression in "${displayName}" returned ${describeType(value)}. Return text instead: pick one field (for example {{ $json.text }}), or convert it with {{ JSON.stringify($json.data) }} or {{ $json.list.join(", ") }}.`,
	});
}

/** An optional text parameter, trimmed ("" when not set); objects and arrays are refused as in textParameter. */
export function optionalText(context: IExecuteSingleFunctions, value: unknown, displayName: string): string {
	return textParameter(context, value, displayName).trim();
}

/** Non-empty text parameter, or a clear error that names it. */
export function requireText(context: IExecuteSingleFunctions, value: unknown, displayName: string): string {
	const text = textParameter(context, value, displayName);
	if (text.trim() === '') {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is empty`, {
			description: `Enter a value for "${displayName}" (an expression that resolves to empty text counts as empty).`,
		});
	}
	return text;
}

/**
 * A URL parameter: http and https only (with a host), plus `data:<kind>/...;base64,` URLs where NanoGPT documents
 * them. Anything else (file:, ftp:, javascript:, a bare path) is refused before anything is sent.
 */
export function requireUrl(
	context: IExecuteSingleFunctions,
	value: unknown,
	displayName: string,
	options: { dataUrlKind?: 'image' } = {},
): string {
	const text = requireText(context, value, displayName).trim();
	const allowed = options.dataUrlKind ? `http://, https:// or data:${options.dataUrlKind}/` : 'http:// or https://';
	if (options.dataUrlKind && text.toLowerCase().startsWith('data:')) {
		if (new RegExp(`^data:${options.dataUrlKind}/[a-z0-9.+-]+(;[^,]*)?;base64,[a-z0-9+/=\\s]+$`, 'i').test(text)) return text;
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is not a valid ${options.dataUrlKind} data URL`, {
			description: `A data URL must look like data:${options.dataUrlKind}/png;base64,iVBOR... (base64 after the comma).`,
		});
	}
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
		const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" must start with ${allowed}`, {
			description: `${scheme ? `The URL uses the scheme "${scheme}:", which NanoGPT cannot fetch.` : 'The value is not a full URL.'} Enter a public link such as https://example.com/file.`,
		});
	}
	return text;
}

/** preSend helper: the model ID must be set; surrounding spaces are removed, "/" and ":" kept as they are. */
export function requireModel(context: IExecuteSingleFunctions, body: IDataObject): string {
	const model = requireText(context, body.model, 'Model').trim();
	body.model = model;
	return model;
}

/** Keys that must never be copied from user JSON into a request body (they would change its prototype). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Adds the fields of "Additional Body Fields" to the body. Keys the node manages itself (`managed`: API field ->
 * the parameter to use instead) are refused with a message naming that parameter, so the node's checks (ranges,
 * counts, file limits) always apply to what is sent.
 */
export function mergeAdditionalFields(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	value: unknown,
	managed: Record<string, string>,
): void {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
	const extra = parseJsonParameter(context, value, 'Additional Body Fields') as IDataObject;
	for (const key of Object.keys(extra)) {
		if (FORBIDDEN_KEYS.has(key)) {
			throw new NodeOperationError(context.getNode(), `The parameter "Additional Body Fields" cannot contain the key "${key}"`, {
				description: 'Remove it; it is not a NanoGPT field.',
			});
		}
		if (Object.prototype.hasOwnProperty.call(managed, key)) {
			throw new NodeOperationError(
				context.getNode(),
				`The parameter "Additional Body Fields" cannot set "${key}": the node sets it from "${managed[key]}"`,
				{ description: `Remove "${key}" from Additional Body Fields and use the parameter "${managed[key]}" instead, so its checks apply.` },
			);
		}
	}
	for (const [key, entry] of Object.entries(extra)) body[key] = entry;
}
