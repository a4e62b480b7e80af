import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { readCheckedBinary, type BinaryRule, type InputBinary } from '../../shared/binary';
import { bodyOf, optionalText, requireModel, requireUrl } from '../../shared/parameters';

/**
 * /v1/audio/transcriptions documents no upload limit; 25 MB is the limit of OpenAI-compatible
 * transcription APIs, so larger uploads are refused before they are sent (and billed for bandwidth).
 */
export const MAX_TRANSCRIPTION_UPLOAD_BYTES = 25_000_000;
/** The documented limit of NanoGPT's /transcribe multipart upload (used for speaker diarization): 3 MB. */
export const MAX_DIARIZATION_UPLOAD_BYTES = 3_000_000;

export const TRANSCRIPTION_URL = '/v1/audio/transcriptions';
export const DIARIZATION_URL = '/transcribe';

const URL_ADVICE = 'Set Audio Source to URL and give a public link to the file instead (NanoGPT accepts files up to 500 MB by URL).';

function uploadRule(diarize: boolean): BinaryRule {
	return {
		kind: 'audio',
		maxBytes: diarize ? MAX_DIARIZATION_UPLOAD_BYTES : MAX_TRANSCRIPTION_UPLOAD_BYTES,
		limitOf: diarize ? 'the node uploads to NanoGPT /transcribe (speaker diarization)' : 'the node uploads to NanoGPT',
		tooLargeAdvice: URL_ADVICE,
	};
}

function uploadFileName(file: InputBinary): string {
	return file.fileName && file.fileName.trim() !== '' ? file.fileName : 'audio';
}

/** Replaces the JSON body by multipart form data; axios then sets the multipart Content-Type with its boundary. */
function sendAsMultipart(requestOptions: IHttpRequestOptions, form: FormData): void {
	requestOptions.body = form;
	const headers = (requestOptions.headers ?? {}) as IDataObject;
	for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
	requestOptions.headers = headers;
}

/**
 * preSend for Audio > Create Transcription. Without diarization: /v1/audio/transcriptions with multipart
 * {file, model, language} or JSON {model, file_url, language}. With diarization: NanoGPT's /transcribe with
 * multipart {audio, model, language, diarize} or JSON {audioUrl, model, language, diarize}.
 */
export async function buildTranscriptionBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const model = requireModel(this, bodyOf(requestOptions));
	const source = this.getNodeParameter('audioSource', 'binary') as string;
	const language = optionalText(this, this.getNodeParameter('language', 'auto'), 'Language');
	const diarize = this.getNodeParameter('diarize', false) === true;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const tagAudioEvents = diarize && options.tagAudioEvents === true;
	const fields: IDataObject = { model, ...(language !== '' && language !== 'auto' ? { language } : {}) };
	if (diarize) requestOptions.url = DIARIZATION_URL;

	if (source === 'url') {
		const url = requireUrl(this, this.getNodeParameter('audioUrl', ''), 'Audio URL');
		requestOptions.body = diarize
			? { audioUrl: url, ...fields, diarize: true, ...(tagAudioEvents ? { tagAudioEvents: true } : {}) }
			: { ...fields, file_url: url };
		return requestOptions;
	}

	const file = await readCheckedBinary(
		this,
		this.getNodeParameter('binaryPropertyName', 'data'),
		'Input Binary Field',
		uploadRule(diarize),
	);
	const form = new FormData();
	form.append(diarize ? 'audio' : 'file', new Blob([file.buffer], { type: file.mimeType }), uploadFileName(file));
	for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
	if (diarize) {
		form.append('diarize', 'true');
		if (tagAudioEvents) form.append('tagAudioEvents', 'true');
	}
	sendAsMultipart(requestOptions, form);
	return requestOptions;
}
