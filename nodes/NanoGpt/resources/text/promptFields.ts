import type { INodeProperties } from 'n8n-workflow';

type Show = { resource: string[]; operation: string[] };

/**
 * The prompt fields of Ask (Prompt Mode, Prompt, Messages, Images) for other text operations, with the same
 * parameter names so `buildChatMessages` reads them. `systemField` names the system text field of the operation.
 */
export function promptFields(
	show: Show,
	system: { name: string; displayName: string; description: string; simpleModeOnly?: boolean },
	roles = ['assistant', 'system', 'user'],
	modes = { simple: 'Instructions and a user prompt', messages: 'An ordered list of messages' },
): INodeProperties[] {
	return [
		{
			displayName: 'Prompt Mode',
			name: 'promptMode',
			type: 'options',
			default: 'simple',
			displayOptions: { show },
			options: [
				{ name: 'Simple', value: 'simple', description: modes.simple },
				{ name: 'Messages', value: 'messages', description: modes.messages },
			],
		},
		{
			displayName: system.displayName,
			name: system.name,
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'e.g. You are a helpful assistant',
			description: system.description,
			displayOptions: { show: system.simpleModeOnly ? { ...show, promptMode: ['simple'] } : show },
		},
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			placeholder: 'e.g. Summarize this text: {{ $json.text }}',
			description: 'The user message',
			displayOptions: { show: { ...show, promptMode: ['simple'] } },
		},
		{
			displayName: 'Messages',
			name: 'messages',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: { message: [{ role: 'user', content: '' }] },
			placeholder: 'Add Message',
			displayOptions: { show: { ...show, promptMode: ['messages'] } },
			options: [
				{
					displayName: 'Message',
					name: 'message',
					values: [
						{
							displayName: 'Role',
							name: 'role',
							type: 'options',
							default: 'user',
							options: roles.map((role) => ({ name: role.charAt(0).toUpperCase() + role.slice(1), value: role })),
						},
						{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 3 }, default: '' },
					],
				},
			],
		},
		{
			displayName: 'Images',
			name: 'images',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Image',
			description: 'Images for vision models, added to the last user message',
			displayOptions: { show },
			options: [
				{
					displayName: 'Image',
					name: 'image',
					values: [
						{
							displayName: 'Source',
							name: 'source',
							type: 'options',
							default: 'binary',
							options: [
								{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item' },
								{ name: 'URL', value: 'url', description: 'A public https URL or a data URL' },
							],
						},
						{
							displayName: 'Input Binary Field',
							name: 'binaryPropertyName',
							type: 'string',
							default: 'data',
							description: 'Name of the binary property of the input item that holds the image',
							displayOptions: { show: { source: ['binary'] } },
						},
						{
							displayName: 'Image URL',
							name: 'imageUrl',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://example.com/photo.png',
							displayOptions: { show: { source: ['url'] } },
						},
						{
							displayName: 'Detail',
							name: 'detail',
							type: 'options',
							default: 'auto',
							options: [
								{ name: 'Auto', value: 'auto' },
								{ name: 'High', value: 'high' },
								{ name: 'Low', value: 'low' },
							],
						},
					],
				},
			],
		},
	];
}

/** Response Format, JSON Schema, Schema Name and Strict Schema (same names as on Ask). */
export function responseFormatFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			default: 'text',
			displayOptions: { show },
			options: [
				{ name: 'Text', value: 'text' },
				{ name: 'JSON Object', value: 'json_object', description: 'The answer is parsed into an object in the output' },
				{ name: 'JSON Schema', value: 'json_schema', description: 'The answer follows your JSON schema and is parsed into an object' },
			],
		},
		{
			displayName: 'JSON Schema',
			name: 'jsonSchema',
			type: 'json',
			default: '{\n  "type": "object",\n  "properties": {\n    "answer": { "type": "string" }\n  },\n  "required": ["answer"],\n  "additionalProperties": false\n}',
			required: true,
			description: 'The JSON schema the answer must follow',
			displayOptions: { show: { ...show, responseFormat: ['json_schema'] } },
		},
		{
			displayName: 'Schema Name',
			name: 'schemaName',
			type: 'string',
			default: 'response',
			description: 'A short name for the schema (letters, digits, underscores and dashes)',
			displayOptions: { show: { ...show, responseFormat: ['json_schema'] } },
		},
		{
			displayName: 'Strict Schema',
			name: 'strictSchema',
			type: 'boolean',
			default: true,
			description: 'Whether the model must follow the schema exactly (where the model supports strict mode)',
			displayOptions: { show: { ...show, responseFormat: ['json_schema'] } },
		},
	];
}
