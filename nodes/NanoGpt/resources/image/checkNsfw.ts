import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bodyOf } from '../../shared/parameters';
import { binaryPropertyNames, readImageAsDataUrl } from './inputImages';

const show = { resource: ['image'], operation: ['checkNsfw'] };

/** NanoGPT classifies at most 10 images per request. */
const MAX_IMAGES = 10;

function tooMany(context: IExecuteSingleFunctions, count: number, parameter: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The parameter "${parameter}" lists ${count} images`, {
		description: `NanoGPT checks at most ${MAX_IMAGES} images per request; split them over several items.`,
	});
}

/** preSend: the images as data URLs (from binary fields) or as http(s) URLs. */
export async function buildNsfwBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	if (this.getNodeParameter('nsfwSource', 'binary') === 'url') {
		const urls = binaryPropertyNames(this, this.getNodeParameter('nsfwImageUrls', ''), 'Image URLs');
		if (urls.length === 0) {
			throw new NodeOperationError(this.getNode(), 'The parameter "Image URLs" is empty', {
				description: 'Enter one or more public http(s) image URLs, separated by commas.',
			});
		}
		if (urls.length > MAX_IMAGES) throw tooMany(this, urls.length, 'Image URLs');
		for (const url of urls) {
			if (!/^https?:\/\/\S+$/i.test(url)) {
				throw new NodeOperationError(this.getNode(), 'The parameter "Image URLs" must hold http(s) URLs', {
					description: `"${url}" is not an http(s) URL.`,
				});
			}
		}
		body.image_urls = urls.length === 1 ? urls[0] : urls;
		return requestOptions;
	}
	const names = binaryPropertyNames(this, this.getNodeParameter('nsfwBinaryFields', 'data'), 'Input Binary Fields');
	if (names.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Input Binary Fields" is empty', {
			description: 'Enter the binary field of the input item that holds the image, for example data.',
		});
	}
	if (names.length > MAX_IMAGES) throw tooMany(this, names.length, 'Input Binary Fields');
	const images: string[] = [];
	for (const name of names) images.push(await readImageAsDataUrl(this, name, 'Input Binary Fields'));
	if (images.length === 1) body.imageDataUrl = images[0];
	else body.imageDataUrls = images;
	return requestOptions;
}

/** postReceive: the verdict first (isNsfw, per-image flags, cost), then NanoGPT's answer. */
export async function outputNsfw(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	return [
		{
			json: {
				isNsfw: body.is_nsfw === true,
				hasNsfwConcepts: Array.isArray(body.has_nsfw_concepts) ? body.has_nsfw_concepts : [],
				cost: typeof body.cost === 'number' ? body.cost : null,
				...body,
			},
		},
	];
}

export const checkNsfwFields: INodeProperties[] = [
	{
		displayName: 'Image Source',
		name: 'nsfwSource',
		type: 'options',
		default: 'binary',
		displayOptions: { show },
		options: [
			{ name: 'Binary Fields', value: 'binary', description: 'Images in binary fields of the input item' },
			{ name: 'URLs', value: 'url', description: 'Public http(s) image URLs' },
		],
	},
	{
		displayName: 'Input Binary Fields',
		name: 'nsfwBinaryFields',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data, photo2',
		description: 'Binary fields with the images to check, separated by commas (up to 10)',
		displayOptions: { show: { ...show, nsfwSource: ['binary'] } },
	},
	{
		displayName: 'Image URLs',
		name: 'nsfwImageUrls',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/a.jpg, https://example.com/b.jpg',
		description: 'Image URLs to check, separated by commas (up to 10)',
		displayOptions: { show: { ...show, nsfwSource: ['url'] } },
	},
];
