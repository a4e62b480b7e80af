import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { downloadFile, toBinary } from '../../shared/media';
import { bodyOf, requireText } from '../../shared/parameters';
import { readRequestSettings } from '../../shared/requestSettings';
import { isCompletedStatus, isFailedStatus } from './jobPolling';
import { simplifyTranscription } from './transcriptionOutput';

const showSpeech = { resource: ['audio'], operation: ['getSpeechJob'] };
const showTranscription = { resource: ['audio'], operation: ['getTranscriptionJob'] };
const showBoth = { resource: ['audio'], operation: ['getSpeechJob', 'getTranscriptionJob'] };

function stateOf(status: unknown): string {
	if (isCompletedStatus(status)) return 'completed';
	if (isFailedStatus(status)) return 'failed';
	return 'pending';
}

/** preSend of Get Speech Job: GET /tts/status?runId=&model=&isApiRequest=true. */
export async function buildSpeechJobQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const runId = requireText(this, this.getNodeParameter('runId', ''), 'Run ID').trim();
	const model = requireText(this, this.getNodeParameter('jobModel', ''), 'Model').trim();
	requestOptions.qs = { ...(requestOptions.qs ?? {}), runId, model, isApiRequest: 'true' };
	return requestOptions;
}

/** preSend of Get Transcription Job: POST /transcribe/status {runId, isApiRequest}. */
export async function buildTranscriptionJobBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	body.runId = requireText(this, this.getNodeParameter('runId', ''), 'Run ID').trim();
	body.isApiRequest = true;
	return requestOptions;
}

/** postReceive of Get Speech Job: the status; when completed (and asked) the audio as a binary file. */
export async function outputSpeechJob(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const state = stateOf(body.status);
	const json: IDataObject = { runId: String(this.getNodeParameter('runId', '')).trim(), state, ...body };
	const audioUrl = typeof body.audioUrl === 'string' && body.audioUrl !== '' ? body.audioUrl : undefined;
	if (state !== 'completed' || !audioUrl || this.getNodeParameter('download', true) === false) return [{ json }];
	const file = await downloadFile(this, audioUrl, {
		what: 'generated speech',
		timeoutMs: readRequestSettings(this).timeoutMs,
		expect: 'audio',
	});
	const declared = typeof body.contentType === 'string' ? body.contentType : undefined;
	const binary = await toBinary(this, file.buffer, { baseName: 'speech', mimeType: declared ?? file.mimeType, fallbackMimeType: 'audio/mpeg' });
	const property = String(this.getNodeParameter('binaryPropertyOutput', 'data') ?? '').trim() || 'data';
	return [{ json: { ...json, mimeType: binary.mimeType, fileSize: file.buffer.length }, binary: { [property]: binary } }];
}

/** postReceive of Get Transcription Job: the status; when completed the transcription like Create Transcription. */
export async function outputTranscriptionJob(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const state = stateOf(body.status);
	const runId = String(this.getNodeParameter('runId', '')).trim();
	if (state === 'completed' && this.getNodeParameter('simplify', true) !== false) {
		return [{ json: { runId, state, ...simplifyTranscription(body) } }];
	}
	return [{ json: { runId, state, ...body } }];
}

export const getJobFields: INodeProperties[] = [
	{
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.runId }}',
		description: 'The runId of the job, as Create Speech or Create Transcription returned it with Wait for Completion off',
		displayOptions: { show: showBoth },
	},
	{
		displayName: 'Model',
		name: 'jobModel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Elevenlabs-Turbo-V2.5',
		description: 'The speech model the job was started with (NanoGPT needs it to find the job)',
		displayOptions: { show: showSpeech },
	},
	{
		displayName: 'Download Audio',
		name: 'download',
		type: 'boolean',
		default: true,
		description: 'Whether to download the audio as a binary file when the job is completed',
		displayOptions: { show: showSpeech },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyOutput',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the audio in',
		displayOptions: { show: { ...showSpeech, download: [true] } },
	},
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return the text, language and duration (like Create Transcription) once the job is completed',
		displayOptions: { show: showTranscription },
	},
];
