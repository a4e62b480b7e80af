import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchCatalog } from '../../../shared/modelSearch';

/** Offered when the model is not in the catalogue, or the catalogue lists no resolutions for it. */
export const COMMON_IMAGE_SIZES = ['1024x1024', '1024x1536', '1536x1024', '1024x1792', '1792x1024', '512x512', 'auto'];

const MODEL_DEFAULT: INodePropertyOptions = {
	name: 'Model Default',
	value: '',
	description: 'Send no size: the model uses its own default',
};

function sizeOption(size: string): INodePropertyOptions {
	return { name: size === 'auto' ? 'Auto' : size, value: size };
}

/** A size of the generic list: labelled as such, since the selected model may not support it. */
function genericSizeOption(size: string): INodePropertyOptions {
	return {
		name: `${size === 'auto' ? 'Auto' : size} (generic)`,
		value: size,
		description: 'A common size: the catalogue lists no sizes for the selected model (or could not be read), so check that the model supports it',
	};
}

/** Reads supported_parameters.resolutions: strings, or objects with value/resolution/size (and an optional label). */
export function resolutionsOf(model: IDataObject | undefined): INodePropertyOptions[] {
	const supported = (model?.supported_parameters ?? {}) as IDataObject;
	const raw = supported.resolutions ?? (supported.resolution as IDataObject | undefined)?.values;
	if (!Array.isArray(raw)) return [];
	const options: INodePropertyOptions[] = [];
	for (const entry of raw) {
		if (typeof entry === 'string' && entry.trim() !== '') {
			options.push(sizeOption(entry.trim()));
		} else if (entry && typeof entry === 'object') {
			const value = (entry as IDataObject).value ?? (entry as IDataObject).resolution ?? (entry as IDataObject).size;
			const label = (entry as IDataObject).label ?? (entry as IDataObject).name;
			if (typeof value === 'string' && value.trim() !== '') {
				options.push({ name: typeof label === 'string' && label.trim() !== '' ? label.trim() : value, value: value.trim() });
			}
		}
	}
	return options.filter((option, index) => options.findIndex((other) => other.value === option.value) === index);
}

async function selectedImageModel(context: ILoadOptionsFunctions): Promise<IDataObject | undefined> {
	const id = context.getCurrentNodeParameter('model', { extractValue: true });
	if (typeof id !== 'string' || id.trim() === '') return undefined;
	return (await fetchCatalog(context, 'image')).find((model) => model.id === id.trim());
}

/**
 * loadOptions for Image > Create > Size: the resolutions the selected model supports according to
 * GET /v1/image-models?detailed=true, or common sizes when the catalogue does not say (or cannot be read).
 */
export async function getImageSizes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let sizes: INodePropertyOptions[] = [];
	try {
		sizes = resolutionsOf(await selectedImageModel(this));
	} catch {
		sizes = [];
	}
	return [MODEL_DEFAULT, ...(sizes.length ? sizes : COMMON_IMAGE_SIZES.map(genericSizeOption))];
}

export const imageLoadOptions = { getImageSizes };
