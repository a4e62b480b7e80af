import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { buildCreateImageBody } from './createImageBody';
import { createImageFields } from './createImageFields';
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
			name: 'Create',
			value: 'create',
			action: 'Create an image',
			description: 'Generate images from a prompt, optionally from input images (image-to-image, inpainting)',
			routing: operationRouting({ method: 'POST', url: '/v1/images/generations' }, [buildCreateImageBody], {
				postReceive: [imagesToItems],
			}),
		},
	],
};

export const imageDescription: INodeProperties[] = [imageOperations, ...createImageFields];
