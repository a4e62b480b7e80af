import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { bodyOf, checkNumberInRange, parseJsonParameter, requireModel, requireText } from '../../shared/parameters';

/** NanoGPT's job-based speech route: answers audio, JSON with audioUrl, or 202 with a runId to poll. */
export const SPEECH_JOB_URL = '/tts';

/**
 * preSend for Audio > Create Speech. The direct mode posts {input, ...} to /v1/audio/speech; the job mode
 * posts the same options with the text as "text" to /tts.
 */
export async function buildCreateSpeechBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	requireModel(this, body);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const text = requireText(this, this.getNodeParameter('input', ''), 'Text');
	if (options.requestMode === 'job') {
		requestOptions.url = SPEECH_JOB_URL;
		body.text = text;
	} else {
		body.input = text;
	}
	const voice = String(this.getNodeParameter('voice', '') ?? '').trim();
	if (voice !== '') body.voice = voice;
	body.response_format = this.getNodeParameter('responseFormat', 'mp3') as string;
	if (options.speed !== undefined) {
		body.speed = checkNumberInRange(this, options.speed, 'Speed', { min: 0.1, max: 5 });
	}
	const instructions = String(options.instructions ?? '').trim();
	if (instructions !== '') body.instructions = instructions;
	if (options.additionalFields !== undefined) {
		Object.assign(body, parseJsonParameter(this, options.additionalFields, 'Additional Body Fields'));
	}
	return requestOptions;
}
