import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AcrossItems } from '../../shared/batching';
import { modelLocator } from '../../shared/descriptions';
import { bodyOf, checkNumberInRange, requireModel, requireText } from '../../shared/parameters';
import { costOf } from '../text/chatOutput';
import { decodeEmbedding } from '../../../shared/vectors';

const show = { resource: ['embeddings'], operation: ['create'] };

/** NanoGPT embeds at most 2,048 texts per request (EmbeddingRequest.input maxItems). */
export const MAX_EMBEDDING_INPUTS = 2048;

export const createEmbeddingsFields: INodeProperties[] = [
	{
		...modelLocator('searchEmbeddingModels', show, 'text-embedding-3-small'),
		description: 'The NanoGPT embedding model. The list shows the price and the vector dimensions; any model ID works.',
	},
	{
		displayName: 'Input',
		name: 'embeddingInput',
		type: 'options',
		default: 'text',
		displayOptions: { show },
		options: [
			{ name: 'Text', value: 'text', description: 'One text per input item' },
			{ name: 'Texts From a Field', value: 'field', description: 'A field of the item holding a text or a list of texts' },
		],
	},
	{
		displayName: 'Text',
		name: 'embeddingText',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.text }}',
		description: 'The text to embed',
		displayOptions: { show: { ...show, embeddingInput: ['text'] } },
	},
	{
		displayName: 'Input Field',
		name: 'embeddingField',
		type: 'string',
		default: 'texts',
		required: true,
		placeholder: 'e.g. chunks',
		description: 'Name of the item field with the text or the list of texts (dots for nested fields, e.g. data.chunks)',
		displayOptions: { show: { ...show, embeddingInput: ['field'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: MAX_EMBEDDING_INPUTS,
				typeOptions: { minValue: 1, maxValue: MAX_EMBEDDING_INPUTS, numberPrecision: 0 },
				description: 'The most texts in one request (NanoGPT accepts up to 2,048). The texts of all items share requests, so many items need few requests.',
			},
			{
				displayName: 'Dimensions',
				name: 'dimensions',
				type: 'number',
				default: 256,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description: 'Shorter vectors, for models that support dimension reduction (the model list says which)',
				routing: { send: { type: 'body', property: 'dimensions' } },
			},
			{
				displayName: 'Encoding Format',
				name: 'encodingFormat',
				type: 'options',
				default: 'float',
				description: 'How NanoGPT sends the vectors. Base64 is smaller on the wire; the node decodes it to numbers either way.',
				options: [
					{ name: 'Float', value: 'float' },
					{ name: 'Base64', value: 'base64' },
				],
				routing: { send: { type: 'body', property: 'encoding_format' } },
			},
			{
				displayName: 'User',
				name: 'user',
				type: 'string',
				default: '',
				description: 'An identifier of your end user, for usage tracking',
				routing: { send: { type: 'body', property: 'user' } },
			},
		],
	},
];

function fail(context: IExecuteSingleFunctions, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
}

function fieldValue(json: IDataObject, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(json, path)) return json[path];
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), json);
}

/** The texts of the current item, checked: one text, or the list found in the input field. */
export function embeddingTextsOf(context: IExecuteSingleFunctions): string[] {
	const mode = context.getNodeParameter('embeddingInput', 'text') as string;
	if (mode !== 'field') return [requireText(context, context.getNodeParameter('embeddingText', ''), 'Text')];
	const field = requireText(context, context.getNodeParameter('embeddingField', ''), 'Input Field').trim();
	const value = fieldValue(context.getInputData().json, field);
	if (value === undefined || value === null) {
		fail(context, `The input item has no field "${field}"`, 'Set "Input Field" to the name of a field holding a text or a list of texts.');
	}
	const texts = Array.isArray(value) ? value : [value];
	if (texts.length === 0) fail(context, `The field "${field}" holds an empty list`, 'Give at least one text to embed.');
	return texts.map((text, index) => {
		if (typeof text !== 'string' || text.trim() === '') {
			fail(
				context,
				`The field "${field}" has an entry that is not a text${Array.isArray(value) ? ` (entry ${index})` : ''}`,
				`Every entry must be non-empty text; received ${JSON.stringify(text)?.slice(0, 100) ?? String(text)}.`,
			);
		}
		return text;
	});
}

/** The texts per request: the Batch Size option, never more than NanoGPT's 2,048. */
export function embeddingBatchSize(context: IExecuteSingleFunctions): number {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	if (options.batchSize === undefined) return MAX_EMBEDDING_INPUTS;
	return checkNumberInRange(context, options.batchSize, 'Batch Size', { min: 1, max: MAX_EMBEDDING_INPUTS, integer: true });
}

/** preSend of Embeddings > Create. */
export async function buildEmbeddingsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	body.input = embeddingTextsOf(this);
	if (body.dimensions !== undefined) {
		body.dimensions = checkNumberInRange(this, body.dimensions, 'Dimensions', { min: 1, integer: true });
	}
	if (typeof body.user === 'string' && body.user.trim() === '') delete body.user;
	return requestOptions;
}

/**
 * One output per text of a request: `{text, embedding, index, model, dimensions, usage, cost}`. `index` is the
 * text's position among the texts of its input item (`indexes`).
 */
export function embeddingOutputs(
	context: { getNode: IExecuteSingleFunctions['getNode'] },
	texts: string[],
	body: IDataObject,
	indexes: number[] = texts.map((_, position) => position),
): IDataObject[] {
	const data = (Array.isArray(body.data) ? body.data : []).filter(
		(entry): entry is IDataObject => !!entry && typeof entry === 'object',
	);
	const byIndex = new Map<number, IDataObject>();
	data.forEach((entry, position) => byIndex.set(typeof entry.index === 'number' ? entry.index : position, entry));
	return texts.map((text, position) => {
		const entry = byIndex.get(position);
		const embedding = entry ? decodeEmbedding(entry.embedding) : undefined;
		if (!embedding) {
			throw new NodeOperationError(context.getNode(), `NanoGPT returned no embedding for text ${indexes[position]}`, {
				description: `It sent ${data.length} embedding(s) for ${texts.length} text(s). Run the node again; if it keeps happening, try another model.`,
			});
		}
		return {
			text,
			embedding,
			index: indexes[position],
			model: body.model ?? null,
			dimensions: embedding.length,
			usage: body.usage ?? {},
			...costOf(body),
		};
	});
}

/**
 * Embeddings > Create sends the texts of many items together: items whose requests differ only in their texts share
 * requests of at most Batch Size texts (execution/runAcrossItems.ts), and each output is paired with its item.
 */
export const embeddingsAcrossItems: AcrossItems = {
	listField: 'input',
	sizeOf: embeddingBatchSize,
	outputsOf: (context, texts, body, indexes) =>
		embeddingOutputs(context, texts as string[], body, indexes),
};
