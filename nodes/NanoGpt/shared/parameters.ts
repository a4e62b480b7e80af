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

/** Non-empty text parameter, or a clear error that names it. */
export function requireText(context: IExecuteSingleFunctions, value: unknown, displayName: string): string {
	const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is empty`, {
			description: `Enter a value for "${displayName}" (an expression that resolves to empty text counts as empty).`,
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
