import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactSecrets } from '../../../shared/errors';
import { headerValue, isStream } from '../../../shared/nanoGptHttp';
import { bytesOfBody, jsonAnswerOf } from '../../shared/answerBody';
import { storeStream } from '../../shared/download';
import { downloadFile, toBinary } from '../../shared/media';
import { credentialSecrets } from '../../shared/secrets';
import { readRequestSettings } from '../../shared/requestSettings';
import { isSpeechTicket, waitForSpeechJob } from './speechJob';
import { SPEECH_FORMAT_MIME_TYPES } from './speechFormats';
import { isCompletedStatus, isFailedStatus, pickDefined, waitsForJobs } from './jobPolling';

/** Downloads the audio of a JSON answer (directly, or after waiting for the background job). */
async function audioFromJson(
	context: IExecuteSingleFunctions,
	answer: IDataObject,
): Promise<{ buffer: Buffer; mimeType?: string; details: IDataObject }> {
	let result = answer;
	if (isSpeechTicket(answer)) {
		result = { ...answer, ...(await waitForSpeechJob(context, answer)) };
	} else if (isFailedStatus(answer.status)) {
		const reason = redactSecrets(String(answer.error ?? 'no reason given'), await credentialSecrets(context));
		throw new NodeOperationError(context.getNode(), `NanoGPT could not generate the speech: ${reason}`);
	}
	if (typeof result.audioUrl !== 'string' || result.audioUrl === '') {
		throw new NodeOperationError(context.getNode(), 'NanoGPT answered without audio', {
			description: `The answer has no audio data and no audioUrl (keys: ${redactSecrets(Object.keys(answer).join(', '), await credentialSecrets(context)) || 'none'}).`,
		});
	}
	const download = await downloadFile(context, result.audioUrl, {
		what: 'generated speech',
		timeoutMs: readRequestSettings(context).timeoutMs,
		expect: 'audio',
	});
	const declared = typeof result.contentType === 'string' ? result.contentType : undefined;
	const details: IDataObject = {
		audioUrl: result.audioUrl,
		...pickDefined(result, ['runId', 'duration']),
		...(isCompletedStatus(result.status) ? { status: 'completed' } : {}),
		...pickDefined(answer, ['cost', 'currency', 'paymentSource', 'remainingBalance']),
	};
	return { buffer: download.buffer, mimeType: declared ?? download.mimeType, details };
}

/**
 * postReceive for Audio > Create Speech: the audio as an n8n binary file (MIME type from NanoGPT, or from
 * the requested format when NanoGPT sends a generic type). JSON answers are followed: a direct audioUrl is
 * downloaded, a job ticket (runId, status pending) is polled first.
 */
export async function speechToBinary(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const format = String(this.getNodeParameter('responseFormat', 'mp3'));
	const property = String(this.getNodeParameter('binaryPropertyOutput', 'data') ?? '').trim() || 'data';
	if (isStream(response.body)) {
		// Audio bytes straight into n8n's binary storage, never whole in memory (JSON answers arrive as a Buffer).
		const binary = await storeStream(this, response.body, headerValue(response.headers, 'content-type'), {
			what: 'speech',
			expect: 'audio',
			baseName: 'speech',
			fallbackMimeType: SPEECH_FORMAT_MIME_TYPES[format] ?? 'audio/mpeg',
		});
		const body = bodyOfRequest(this);
		const json: IDataObject = {
			model: body.model ?? null,
			voice: body.voice ?? null,
			responseFormat: format,
			mimeType: binary.mimeType,
			fileSize: binary.bytes ?? null,
		};
		return [{ json, binary: { [property]: binary } }];
	}
	const bytes = bytesOfBody(response.body);
	const answer = jsonAnswerOf(response, bytes, 'audio');
	let audio: { buffer: Buffer; mimeType?: string; details: IDataObject };
	if (answer && isSpeechTicket(answer) && !waitsForJobs(this)) {
		const model = this.getNodeParameter('model', '', { extractValue: true });
		return [{ json: { state: 'pending', model: typeof model === 'string' ? model.trim() : model, ...answer } }];
	}
	if (answer) {
		audio = await audioFromJson(this, answer);
	} else {
		audio = { buffer: bytes, mimeType: headerValue(response.headers, 'content-type'), details: {} };
	}
	if (audio.buffer.length === 0) {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned an empty audio file', {
			description: 'Run the node again; if it keeps happening, try another voice or model.',
		});
	}
	const binary = await toBinary(this, audio.buffer, {
		baseName: 'speech',
		mimeType: audio.mimeType,
		fallbackMimeType: SPEECH_FORMAT_MIME_TYPES[format],
	});
	const body = bodyOfRequest(this);
	const json: IDataObject = {
		model: body.model ?? null,
		voice: body.voice ?? null,
		responseFormat: format,
		mimeType: binary.mimeType,
		fileSize: audio.buffer.length,
		...audio.details,
	};
	return [{ json, binary: { [property]: binary } }];
}

function bodyOfRequest(context: IExecuteSingleFunctions): IDataObject {
	const model = context.getNodeParameter('model', '', { extractValue: true });
	const voice = String(context.getNodeParameter('voice', '') ?? '').trim();
	return { model: typeof model === 'string' ? model.trim() : model, ...(voice ? { voice } : {}) };
}
