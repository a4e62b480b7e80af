import type { INodeProperties } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';

const show = { resource: ['image'], operation: ['create'] };

export const createImageFields: INodeProperties[] = [
	modelLocator('searchImageModels', show, 'hidream'),
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. A lighthouse on a cliff at sunset, watercolor',
		description: 'What the image should show',
		displayOptions: { show },
	},
	{
		displayName: 'Number of Images',
		name: 'numberOfImages',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		description: 'How many images to generate. Each image becomes its own output item.',
		displayOptions: { show },
	},
	{
		displayName: 'Size Name or ID',
		name: 'size',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getImageSizes', loadOptionsDependsOn: ['model.value'] },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Plain sizes are the ones the selected model supports (from NanoGPT\'s catalogue). Sizes marked "(generic)" are a common list, shown when the catalogue gives no sizes for the model or cannot be read. By expression any size such as 1024x1024 can be sent.',
		displayOptions: { show },
	},
	{
		displayName: 'Output',
		name: 'imageOutput',
		type: 'options',
		default: 'binary',
		description: 'Whether to return the images as files or only as download links',
		displayOptions: { show },
		options: [
			{
				name: 'Binary Files',
				value: 'binary',
				description: 'Each image as an n8n binary file (NanoGPT sends the image data)',
			},
			{
				name: 'URLs Only',
				value: 'url',
				description: 'Signed download links that expire after about an hour; no file is stored',
			},
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyOutput',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the image in',
		description:
			'Binary field of each output item that holds the image. With URLs Only it is used only when NanoGPT sends image data instead of a link.',
		displayOptions: { show },
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
				displayName: 'Additional Body Fields',
				name: 'additionalFields',
				type: 'json',
				default: '{\n  "negative_prompt": ""\n}',
				description:
					'Model-specific fields sent as they are, for example aspect_ratio, quality, negative_prompt or style. Fields the node sets from its own parameters (model, prompt, n, size, response_format, input images, seed...) are refused: use those parameters.',
			},
			{
				displayName: 'Guidance Scale',
				name: 'guidanceScale',
				type: 'number',
				default: 7.5,
				typeOptions: { minValue: 0, maxValue: 20, numberPrecision: 1 },
				description: 'How closely the image follows the prompt (0-20)',
			},
			{
				displayName: 'Inference Steps',
				name: 'numInferenceSteps',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
				description: 'Number of denoising steps (1-100). More steps are slower and often better.',
			},
			{
				displayName: 'Input Images',
				name: 'inputImages',
				type: 'string',
				default: 'data',
				placeholder: 'e.g. data, data2',
				description:
					'Image-to-image: names of the binary fields of the input item that hold the source images, separated by commas. One image is sent as imageDataUrl, several as imageDataUrls (PNG, JPEG, WebP or GIF, at most 4 MB each).',
			},
			{
				displayName: 'Kontext Max Mode',
				name: 'kontextMaxMode',
				type: 'boolean',
				default: false,
				description: 'Whether to use the enhanced context mode of flux-kontext models',
			},
			{
				displayName: 'Mask Image',
				name: 'mask',
				type: 'string',
				default: 'mask',
				description:
					'Inpainting: name of the binary field of the input item that holds the mask (white areas are edited)',
			},
			{
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 0 },
				description: 'A fixed seed makes results more repeatable on models that support it',
			},
			{
				displayName: 'Strength',
				name: 'strength',
				type: 'number',
				default: 0.8,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				description: 'Image-to-image: how far the result may move away from the input image (0-1)',
			},
			{
				displayName: 'User',
				name: 'user',
				type: 'string',
				default: '',
				description: 'An ID for your end user, to help NanoGPT detect abuse',
			},
		],
	},
];
