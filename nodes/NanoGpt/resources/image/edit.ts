import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { bodyOf, checkNumberInRange, requireModel, requireText } from '../../shared/parameters';
import { binaryPropertyNames, readImageAsDataUrl } from './inputImages';

const show = { resource: ['image'], operation: ['edit'] };

/** NanoGPT's edit endpoint takes the images as data URLs (JSON form of POST /v1/images/edits). */
export async function buildEditImageBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	body.prompt = requireText(this, body.prompt, 'Prompt');
	body.n = checkNumberInRange(this, body.n ?? 1, 'Number of Images', { min: 1, max: 10, integer: true });
	const size = String(body.size ?? '').trim();
	if (size === '') delete body.size;
	else body.size = size;

	const names = binaryPropertyNames(this, this.getNodeParameter('editImages', 'data'), 'Input Images');
	if (names.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Input Images" is empty', {
			description: 'Enter the binary field of the input item that holds the image to edit, for example data.',
		});
	}
	const images: string[] = [];
	for (const name of names) images.push(await readImageAsDataUrl(this, name, 'Input Images'));
	if (images.length === 1) body.imageDataUrl = images[0];
	else body.imageDataUrls = images;
	const mask = String(this.getNodeParameter('editMask', '') ?? '').trim();
	if (mask !== '') body.maskDataUrl = await readImageAsDataUrl(this, mask, 'Mask Image');
	return requestOptions;
}

export const editImageFields: INodeProperties[] = [
	modelLocator('searchImageModels', show, 'gpt-image-1'),
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Replace the sky with a starry night',
		description: 'What to change in the image',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'prompt' } },
	},
	{
		displayName: 'Input Images',
		name: 'editImages',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data, photo2',
		description: 'Binary fields of the input item with the images to edit, separated by commas (PNG, JPEG, WebP or GIF, up to 4 MB each)',
		displayOptions: { show },
	},
	{
		displayName: 'Mask Image',
		name: 'editMask',
		type: 'string',
		default: '',
		placeholder: 'e.g. mask',
		description: 'Binary field with a mask: transparent areas are edited. Leave empty to edit the whole image.',
		displayOptions: { show },
	},
	{
		displayName: 'Number of Images',
		name: 'numberOfImages',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		description: 'How many edited images to return. Each image becomes its own output item.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'n' } },
	},
	{
		displayName: 'Size Name or ID',
		name: 'size',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getImageSizes', loadOptionsDependsOn: ['model.value'] },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Leave empty to keep the size of the input image (the model decides).',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'size' } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyOutput',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the image in',
		description: 'Binary field of each output item that holds the edited image',
		displayOptions: { show },
	},
];
