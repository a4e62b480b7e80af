import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import {
	bodyOf,
	checkNumberInRange,
	mergeAdditionalFields,
	optionalText,
	requireModel,
	requireText,
	textParameter,
} from '../../shared/parameters';
import { binaryPropertyNames, readImageAsDataUrl } from './inputImages';

/** The request fields the node sets from its own parameters (Additional Body Fields may not override them). */
export const IMAGE_MANAGED_FIELDS: Record<string, string> = {
	model: 'Model',
	prompt: 'Prompt',
	n: 'Number of Images',
	nImages: 'Number of Images',
	size: 'Size Name or ID',
	response_format: 'Output',
	imageDataUrl: 'Input Images',
	imageDataUrls: 'Input Images',
	maskDataUrl: 'Mask Image',
	strength: 'Strength',
	guidance_scale: 'Guidance Scale',
	num_inference_steps: 'Inference Steps',
	seed: 'Seed',
	kontext_max_mode: 'Kontext Max Mode',
	user: 'User',
};

/** preSend for Image > Create: prompt, count, size, tuning options and image-to-image inputs. */
export async function buildCreateImageBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	body.prompt = requireText(this, this.getNodeParameter('prompt', ''), 'Prompt');
	body.n = checkNumberInRange(this, this.getNodeParameter('numberOfImages', 1), 'Number of Images', {
		min: 1,
		max: 10,
		integer: true,
	});
	const size = optionalText(this, this.getNodeParameter('size', ''), 'Size Name or ID');
	if (size !== '') body.size = size;
	const output = textParameter(this, this.getNodeParameter('imageOutput', 'binary'), 'Output');
	body.response_format = output === 'url' ? 'url' : 'b64_json';

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const inputImages = binaryPropertyNames(this, options.inputImages, 'Input Images');
	const dataUrls: string[] = [];
	for (const name of inputImages) dataUrls.push(await readImageAsDataUrl(this, name, 'Input Images'));
	if (dataUrls.length === 1) body.imageDataUrl = dataUrls[0];
	if (dataUrls.length > 1) body.imageDataUrls = dataUrls;
	const mask = optionalText(this, options.mask, 'Mask Image');
	if (mask !== '') body.maskDataUrl = await readImageAsDataUrl(this, mask, 'Mask Image');

	if (options.strength !== undefined) {
		body.strength = checkNumberInRange(this, options.strength, 'Strength', { min: 0, max: 1 });
	}
	if (options.guidanceScale !== undefined) {
		body.guidance_scale = checkNumberInRange(this, options.guidanceScale, 'Guidance Scale', { min: 0, max: 20 });
	}
	if (options.numInferenceSteps !== undefined) {
		body.num_inference_steps = checkNumberInRange(this, options.numInferenceSteps, 'Inference Steps', {
			min: 1,
			max: 100,
			integer: true,
		});
	}
	if (options.seed !== undefined) {
		body.seed = checkNumberInRange(this, options.seed, 'Seed', { min: 0, integer: true });
	}
	if (options.kontextMaxMode !== undefined) body.kontext_max_mode = options.kontextMaxMode === true;
	const user = optionalText(this, options.user, 'User');
	if (user !== '') body.user = user;
	mergeAdditionalFields(this, body, options.additionalFields, IMAGE_MANAGED_FIELDS);
	return requestOptions;
}
