import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { IMAGE_RULE, MAX_IMAGE_BYTES, readCheckedBinary, toDataUrl, type BinaryRule } from '../../shared/binary';
import { modelLocator } from '../../shared/descriptions';
import {
	bodyOf,
	checkNumberInRange,
	mergeAdditionalFields,
	optionalText,
	requireModel,
	requireText,
	requireUrl,
	textParameter,
} from '../../shared/parameters';
import { videoWaitFields } from './waitFields';

const show = { resource: ['video'], operation: ['generate'] };

/** NanoGPT accepts uploads of at most 4 MB; larger inputs must be passed by URL. */
export const MAX_IMAGE_UPLOAD_BYTES = MAX_IMAGE_BYTES;

const START_IMAGE_RULE: BinaryRule = {
	...IMAGE_RULE,
	tooLargeAdvice: 'NanoGPT accepts uploads of at most 4 MB. Make the image smaller, or pass it as a public URL (Input Image: URL).',
};

/** The request fields the node sets from its own parameters (Additional Body Fields may not override them). */
export const VIDEO_MANAGED_FIELDS: Record<string, string> = {
	model: 'Model',
	prompt: 'Prompt',
	negative_prompt: 'Negative Prompt',
	duration: 'Duration',
	aspect_ratio: 'Aspect Ratio',
	resolution: 'Resolution',
	seed: 'Seed',
	generateAudio: 'Generate Audio',
	imageDataUrl: 'Input Image',
	image_data_url: 'Input Image',
	image: 'Input Image',
	imageUrl: 'Input Image',
};

/** Option name -> request field, for the options sent as they are (strings trimmed, empty ones left out). */
const TEXT_OPTIONS: Record<string, string> = {
	negativePrompt: 'negative_prompt',
	duration: 'duration',
	aspectRatio: 'aspect_ratio',
	resolution: 'resolution',
};
const TEXT_OPTION_NAMES: Record<string, string> = {
	negativePrompt: 'Negative Prompt',
	duration: 'Duration',
	aspectRatio: 'Aspect Ratio',
	resolution: 'Resolution',
};

async function inputImage(context: IExecuteSingleFunctions): Promise<IDataObject> {
	const source = textParameter(context, context.getNodeParameter('imageSource', 'none'), 'Input Image');
	if (source === 'binary') {
		const property = context.getNodeParameter('imageBinaryPropertyName', 'data');
		const image = await readCheckedBinary(context, property, 'Input Image Field', START_IMAGE_RULE);
		return { imageDataUrl: toDataUrl(image) };
	}
	if (source === 'url') {
		return { imageUrl: requireUrl(context, context.getNodeParameter('imageUrl', ''), 'Image URL') };
	}
	return {};
}

/** preSend: model, prompt, only the options the user set, the input image, then any extra fields. */
export async function buildGenerateVideoBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	body.prompt = requireText(this, this.getNodeParameter('prompt', ''), 'Prompt');

	const options = this.getNodeParameter('options', {}) as IDataObject;
	for (const [option, field] of Object.entries(TEXT_OPTIONS)) {
		const value = optionalText(this, options[option], TEXT_OPTION_NAMES[option]);
		if (value !== '') body[field] = value;
	}
	if (options.seed !== undefined && options.seed !== '') {
		body.seed = checkNumberInRange(this, options.seed, 'Seed', { min: 0, integer: true });
	}
	if (typeof options.generateAudio === 'boolean') body.generateAudio = options.generateAudio;

	Object.assign(body, await inputImage(this));

	mergeAdditionalFields(this, body, options.additionalFields, VIDEO_MANAGED_FIELDS);
	return requestOptions;
}

export const generateFields: INodeProperties[] = [
	modelLocator('searchVideoModels', show, 'veo3-video'),
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. A serene lake at sunset with gentle ripples on the water',
		description: 'What the video should show',
		displayOptions: { show },
	},
	{
		displayName: 'Input Image',
		name: 'imageSource',
		type: 'options',
		default: 'none',
		description: 'A start image for image-to-video models',
		displayOptions: { show },
		options: [
			{ name: 'None', value: 'none', description: 'Text-to-video' },
			{ name: 'Binary File', value: 'binary', description: 'An image in a binary field of the input item (at most 4 MB)' },
			{ name: 'URL', value: 'url', description: 'A public https URL of the image' },
		],
	},
	{
		displayName: 'Input Image Field',
		name: 'imageBinaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the input binary field that holds the image',
		displayOptions: { show: { ...show, imageSource: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/first-frame.png',
		displayOptions: { show: { ...show, imageSource: ['url'] } },
	},
	...videoWaitFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Which of these a model supports differs: check the model on nano-gpt.com. Only the options you add are sent.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Additional Body Fields',
				name: 'additionalFields',
				type: 'json',
				default: '{}',
				description:
					'Model-specific fields sent as they are, for example {"enhancePrompt": true} or {"seconds": "8"}. Fields the node sets from its own parameters (model, prompt, duration, seed, the input image...) are refused: use those parameters.',
			},
			{
				displayName: 'Aspect Ratio',
				name: 'aspectRatio',
				type: 'options',
				default: '16:9',
				options: [
					{ name: '1:1', value: '1:1' },
					{ name: '16:9', value: '16:9' },
					{ name: '3:4', value: '3:4' },
					{ name: '4:3', value: '4:3' },
					{ name: '9:16', value: '9:16' },
				],
			},
			{
				displayName: 'Duration',
				name: 'duration',
				type: 'string',
				default: '5',
				placeholder: 'e.g. 5',
				description: 'Length of the video. The format depends on the model: "5" for most, "5s" for Veo 2.',
			},
			{
				displayName: 'Generate Audio',
				name: 'generateAudio',
				type: 'boolean',
				default: true,
				description: 'Whether the model should add a soundtrack (models with audio generation only)',
			},
			{
				displayName: 'Negative Prompt',
				name: 'negativePrompt',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'What the video should not show',
			},
			{
				displayName: 'Resolution',
				name: 'resolution',
				type: 'options',
				default: '720p',
				options: [
					{ name: '540p', value: '540p' },
					{ name: '720p', value: '720p' },
					{ name: '1080p', value: '1080p' },
				],
			},
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 0 },
				description: 'A seed for models that support one (may improve reproducibility)',
			},
		],
	},
];
