import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readInputBinary, toDataUrl } from '../../shared/binary';
import { requireHttpUrl } from '../../shared/lists';
import { bodyOf } from '../../shared/parameters';

const show = { resource: ['text'], operation: ['moderate'] };

type ModerationPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export const moderateFields: INodeProperties[] = [
	{
		displayName: 'Moderation Model',
		name: 'moderationModel',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: "The moderation model. Leave empty to use NanoGPT's default moderation model.",
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchModerationModels', searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. omni-moderation-latest' },
		],
	},
	{
		displayName: 'Text to Check',
		name: 'moderationText',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. {{ $json.comment }}',
		description: 'The text to classify. Leave empty to check only images.',
		displayOptions: { show },
	},
	{
		displayName: 'Images to Check',
		name: 'moderationImages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Image',
		description: 'Images to classify (for models that accept images; the model list says which)',
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
						default: 'url',
						options: [
							{ name: 'URL', value: 'url', description: 'A public https address of the image' },
							{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item (sent as a data URL)' },
						],
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
						displayName: 'Input Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'Name of the binary property of the input item that holds the image',
						displayOptions: { show: { source: ['binary'] } },
					},
				],
			},
		],
	},
];

async function imageParts(context: IExecuteSingleFunctions): Promise<ModerationPart[]> {
	const entries = context.getNodeParameter('moderationImages.image', []) as IDataObject[];
	const parts: ModerationPart[] = [];
	for (const entry of entries) {
		if (entry.source === 'binary') {
			const binary = await readInputBinary(context, String(entry.binaryPropertyName ?? 'data'), 'Input Binary Field');
			if (!binary.mimeType.toLowerCase().startsWith('image/')) {
				throw new NodeOperationError(context.getNode(), `The binary file "${binary.fileName}" is ${binary.mimeType}, not an image`, {
					description: 'Moderation accepts images (PNG, JPEG, WebP, GIF). Pick the binary property that holds the image.',
				});
			}
			parts.push({ type: 'image_url', image_url: { url: toDataUrl(binary) } });
		} else {
			const url = String(entry.imageUrl ?? '').trim();
			if (url === '') {
				throw new NodeOperationError(context.getNode(), 'The parameter "Image URL" is empty', {
					description: 'Enter the address of the image, or remove the image from "Images to Check".',
				});
			}
			parts.push({ type: 'image_url', image_url: { url: requireHttpUrl(context, url, 'Image URL') } });
		}
	}
	return parts;
}

/**
 * preSend of Text > Moderate: a text alone is sent as a string (what every model accepts); with images, the text and
 * images are content parts. The model is sent only when one is chosen (NanoGPT's default otherwise).
 */
export async function buildModerationBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	const model = String(this.getNodeParameter('moderationModel', '', { extractValue: true }) ?? '').trim();
	if (model !== '') body.model = model;
	const textValue = this.getNodeParameter('moderationText', '');
	const text = typeof textValue === 'string' ? textValue : textValue === undefined || textValue === null ? '' : String(textValue);
	const images = await imageParts(this);
	if (images.length === 0) {
		if (text.trim() === '') {
			throw new NodeOperationError(this.getNode(), 'Nothing to check: "Text to Check" is empty and no image is given', {
				description: 'Enter the text to classify (for example {{ $json.comment }}), or add an image under "Images to Check".',
			});
		}
		body.input = text;
	} else {
		body.input = [...(text.trim() !== '' ? [{ type: 'text', text }] : []), ...images];
	}
	return requestOptions;
}

/** postReceive of Text > Moderate: one item per result with the categories that were flagged listed. */
export async function outputModeration(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const results = (Array.isArray(body.results) ? body.results : []).filter(
		(result): result is IDataObject => !!result && typeof result === 'object',
	);
	if (results.length === 0) {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned no moderation result', {
			description: 'Run the node again; if it keeps happening, try another moderation model.',
		});
	}
	return results.map((result, index) => {
		const categories = (result.categories ?? {}) as IDataObject;
		return {
			json: {
				flagged: result.flagged === true,
				flaggedCategories: Object.keys(categories).filter((category) => categories[category] === true),
				categories,
				categoryScores: (result.category_scores ?? {}) as IDataObject,
				index,
				model: body.model ?? null,
				id: body.id ?? null,
				usage: body.usage ?? {},
			},
		};
	});
}
