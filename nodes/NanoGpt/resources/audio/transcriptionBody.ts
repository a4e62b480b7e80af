import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatBytes, readInputBinary, type InputBinary } from '../../shared/binary';
import { sniffMimeType } from '../../shared/media';
import { bodyOf, requireModel, requireText } from '../../shared/parameters';

/**
 * /v1/audio/transcriptions documents no upload limit; 25 MB is the limit of OpenAI-compatible
 * transcription APIs, so larger uploads are refused before they are sent (and billed for bandwidth).
 */
export const MAX_TRANSCRIPTION_UPLOAD_BYTES = 25 * 1024 * 1024;
/** The documented limit of NanoGPT's /transcribe multipart upload (used for speaker diarization). */
export const MAX_DIARIZATION_UPLOAD_BYTES = 3 * 1024 * 1024;

export const TRANSCRIPTION_URL = '/v1/audio/transcriptions';
export const DIARIZATION_URL = '/transcribe';

const NON_MEDIA_TYPES = /^(image|text|font|model)\/|^application\/(json|pdf|xml|zip|javascript|x-javascript)/;

/** Refuses files that are clearly not audio or video, and files above the route's limit. */
function checkUpload(context: IExecuteSingleFunctions, file: InputBinary, propertyName: string, limitBytes: number, route: string) {
	const declared = file.mimeType.split(';')[0].trim().toLowerCase();
	const sniffed = sniffMimeType(file.buffer);
	const mediaBySniffing = sniffed?.startsWith('audio/') || sniffed?.startsWith('video/');
	if (NON_MEDIA_TYPES.test(declared) && !mediaBySniffing) {
		throw new NodeOperationError(
			context.getNode(),
			`The binary property "${propertyName}" is not an audio file (parameter "Input Binary Field")`,
			{ description: `It holds "${file.fileName}" of type ${file.mimeType}. Supported: MP3, OGG, WAV, M4A, AAC, and video files for video-capable models.` },
		);
	}
	if (file.buffer.length > limitBytes) {
		throw new NodeOperationError(
			context.getNode(),
			`The audio file "${file.fileName}" is ${formatBytes(file.buffer.length)}, more than the ${formatBytes(limitBytes)} the node uploads to ${route} (parameter "Input Binary Field")`,
			{ description: 'Set Audio Source to URL and give a public link to the file instead (NanoGPT accepts files up to 500 MB by URL).' },
		);
	}
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
	const language = String(this.getNodeParameter('language', 'auto') ?? '').trim();
	const diarize = this.getNodeParameter('diarize', false) === true;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const tagAudioEvents = diarize && options.tagAudioEvents === true;
	const fields: IDataObject = { model, ...(language !== '' && language !== 'auto' ? { language } : {}) };
	if (diarize) requestOptions.url = DIARIZATION_URL;

	if (source === 'url') {
		const url = requireText(this, this.getNodeParameter('audioUrl', ''), 'Audio URL').trim();
		requestOptions.body = diarize
			? { audioUrl: url, ...fields, diarize: true, ...(tagAudioEvents ? { tagAudioEvents: true } : {}) }
			: { ...fields, file_url: url };
		return requestOptions;
	}

	const propertyName = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	const file = await readInputBinary(this, propertyName, 'Input Binary Field');
	checkUpload(
		this,
		file,
		propertyName,
		diarize ? MAX_DIARIZATION_UPLOAD_BYTES : MAX_TRANSCRIPTION_UPLOAD_BYTES,
		diarize ? 'NanoGPT /transcribe (speaker diarization)' : 'NanoGPT',
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
