import Ajv from 'ajv';

import spec from '../fixtures/nanogpt-openapi.json';

const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', nullable: true, schemaId: 'auto' } as never);
ajv.addSchema(spec as object, 'nanogpt-paths');

/** Validates a JSON request body against the schema a path of the spec declares inline (or by $ref). */
export function pathBodyErrors(path: string, method: string, body: unknown): string[] {
	const pointer = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/requestBody/content/application~1json/schema`;
	const validate = ajv.getSchema(`nanogpt-paths#${pointer}`);
	if (!validate) throw new Error(`The OpenAPI spec has no JSON body for ${method} ${path}`);
	if (validate(body)) return [];
	return (validate.errors ?? []).map((error) => `${error.dataPath || '(body)'} ${error.message}`);
}
