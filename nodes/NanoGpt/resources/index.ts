import type { INodeProperties } from 'n8n-workflow';

import { accountDescription } from './account';
import { audioDescription } from './audio';
import { embeddingsDescription } from './embeddings';
import { imageDescription } from './image';
import { modelDescription } from './model';
import { textDescription } from './text';
import { videoDescription } from './video';
import { webDescription } from './web';
import { youtubeDescription } from './youtube';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'text',
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Audio', value: 'audio' },
		{ name: 'Embedding', value: 'embeddings' },
		{ name: 'Image', value: 'image' },
		{ name: 'Model', value: 'model' },
		{ name: 'Text', value: 'text' },
		{ name: 'Video', value: 'video' },
		{ name: 'Web', value: 'web' },
		{ name: 'YouTube', value: 'youtube' },
	],
};

/** Every resource's operations and fields, in the order the editor shows them. */
export const resourceDescriptions: INodeProperties[] = [
	...textDescription,
	...imageDescription,
	...audioDescription,
	...videoDescription,
	...embeddingsDescription,
	...webDescription,
	...youtubeDescription,
	...accountDescription,
	...modelDescription,
];
