import spec from '../fixtures/nanogpt-openapi.json';

interface QueryParameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: { type?: string; minimum?: number; maximum?: number };
}

/**
 * Checks a query string against the parameters the spec declares for a GET path: no undeclared name, every required
 * one present, integers whole and within their range. Returns readable errors (empty when valid).
 */
export function queryErrors(path: string, query: Record<string, string>): string[] {
	const operation = (spec as unknown as { paths: Record<string, { get?: { parameters?: QueryParameter[] } }> }).paths[path]?.get;
	if (!operation) throw new Error(`The OpenAPI spec has no GET ${path}`);
	const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
	const errors: string[] = [];
	for (const name of Object.keys(query)) {
		if (!declared.some((parameter) => parameter.name === name)) errors.push(`${name} is not a declared query parameter`);
	}
	for (const parameter of declared) {
		const value = query[parameter.name];
		if (value === undefined) {
			if (parameter.required) errors.push(`${parameter.name} is required`);
			continue;
		}
		if (parameter.schema?.type === 'integer') {
			const number = Number(value);
			if (!/^-?\d+$/.test(value)) errors.push(`${parameter.name} must be an integer`);
			if (parameter.schema.minimum !== undefined && number < parameter.schema.minimum) errors.push(`${parameter.name} below minimum`);
			if (parameter.schema.maximum !== undefined && number > parameter.schema.maximum) errors.push(`${parameter.name} above maximum`);
		}
	}
	return errors;
}
