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

/** NanoGPT's job-based speech route: answers audio, JSON with audioUrl, or 202 with a runId to poll. */
export const SPEECH_JOB_URL = '/tts';

/** The request fields the node sets from its own parameters (Additional Body Fields may not override them). */
export const SPEECH_MANAGED_FIELDS: Record<string, string> = {
	model: 'Model',
	input: 'Text',
	text: 'Text',
	voice: 'Voice Name or ID',
	response_format: 'Response Format',
	speed: 'Speed',
	instructions: 'Instructions',
};

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
	const voice = optionalText(this, this.getNodeParameter('voice', ''), 'Voice Name or ID');
	if (voice !== '') body.voice = voice;
	body.response_format = textParameter(this, this.getNodeParameter('responseFormat', 'mp3'), 'Response Format');
	if (options.speed !== undefined) {
		body.speed = checkNumberInRange(this, options.speed, 'Speed', { min: 0.1, max: 5 });
	}
	const instructions = optionalText(this, options.instructions, 'Instructions');
	if (instructions !== '') body.instructions = instructions;
	mergeAdditionalFields(this, body, options.additionalFields, SPEECH_MANAGED_FIELDS);
	return requestOptions;
}
