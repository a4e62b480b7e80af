import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { buildCreateImageBody } from './createImageBody';
import { createImageFields } from './createImageFields';
import { buildNsfwBody, checkNsfwFields, outputNsfw } from './checkNsfw';
import { buildEditImageBody, editImageFields } from './edit';
import { imagesToItems } from './imageOutput';

export const imageOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['image'] } },
	default: 'create',
	options: [
		{
			name: 'Check NSFW',
			value: 'checkNsfw',
			action: 'Check images for NSFW content',
			description: 'Classify up to 10 images (binary or URL) as safe or not safe for work',
			routing: operationRouting({ method: 'POST', url: '/nsfw/image' }, [buildNsfwBody], { postReceive: [outputNsfw] }),
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an image',
			description: 'Generate images from a prompt, optionally from input images (image-to-image, inpainting)',
			routing: operationRouting({ method: 'POST', url: '/v1/images/generations' }, [buildCreateImageBody], {
				postReceive: [imagesToItems],
			}),
		},
		{
			name: 'Edit',
			value: 'edit',
			action: 'Edit an image',
			description: 'Change images from binary fields by prompt, optionally within a mask; the results as binary files',
			routing: operationRouting({ method: 'POST', url: '/v1/images/edits' }, [buildEditImageBody], {
				postReceive: [imagesToItems],
			}),
		},
	],
};

export const imageDescription: INodeProperties[] = [imageOperations, ...createImageFields, ...editImageFields, ...checkNsfwFields];
