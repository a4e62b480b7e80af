import type { INodeProperties } from 'n8n-workflow';

/** A model picker: a searchable list loaded from a NanoGPT catalogue, or any ID (also by expression). */
export function modelLocator(
	searchListMethod: string,
	show: { resource: string[]; operation: string[] },
	example: string,
): INodeProperties {
	return {
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The NanoGPT model to use. Pick from the list, or enter any model ID.',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
			},
		],
		routing: { send: { type: 'body', property: 'model' } },
	};
}

export function simplifyField(show: { resource: string[]; operation: string[] }, what: string): INodeProperties {
	return {
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: `Whether to return ${what} instead of the full API response`,
	};
}
