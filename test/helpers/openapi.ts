import Ajv from 'ajv';

// NanoGPT's official OpenAPI spec (docs repository, August 2026), kept as a test fixture.
import spec from '../fixtures/nanogpt-openapi.json';

// The spec uses formats ajv does not know (they are not checked); logger: false keeps ajv from warning about each.
const ajv = new Ajv({ allErrors: true, unknownFormats: 'ignore', nullable: true, schemaId: 'auto', logger: false } as never);
ajv.addSchema(spec as object, 'nanogpt');

/** Validates a request body against a schema of the spec's components; returns readable errors (empty when valid). */
export function openApiErrors(schemaName: string, body: unknown): string[] {
	const validate = ajv.getSchema(`nanogpt#/components/schemas/${schemaName}`);
	if (!validate) throw new Error(`The OpenAPI spec has no schema ${schemaName}`);
	if (validate(body)) return [];
	return (validate.errors ?? []).map((error) => `${error.dataPath || '(body)'} ${error.message}`);
}
