import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { bodyOf, checkNumberInRange, parseJsonParameter, requireModel, requireText } from '../../shared/parameters';
import { binaryPropertyNames, readImageAsDataUrl } from './inputImages';

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
	const size = String(this.getNodeParameter('size', '') ?? '').trim();
	if (size !== '') body.size = size;
	body.response_format = this.getNodeParameter('imageOutput', 'binary') === 'url' ? 'url' : 'b64_json';

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const inputImages = binaryPropertyNames(options.inputImages);
	const dataUrls: string[] = [];
	for (const name of inputImages) dataUrls.push(await readImageAsDataUrl(this, name, 'Input Images'));
	if (dataUrls.length === 1) body.imageDataUrl = dataUrls[0];
	if (dataUrls.length > 1) body.imageDataUrls = dataUrls;
	const mask = String(options.mask ?? '').trim();
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
	const user = String(options.user ?? '').trim();
	if (user !== '') body.user = user;
	if (options.additionalFields !== undefined) {
		Object.assign(body, parseJsonParameter(this, options.additionalFields, 'Additional Body Fields'));
	}
	return requestOptions;
}
