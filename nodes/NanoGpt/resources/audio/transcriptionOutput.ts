import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { waitsForJobs } from './jobPolling';
import { isTranscriptionTicket, waitForTranscriptionJob } from './transcriptionJob';

function numberOrNull(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/**
 * The simplified output for both routes: /v1/audio/transcriptions {text, language, duration (seconds),
 * segments?, words?} and /transcribe {transcription, metadata {language, actualDuration (minutes), cost},
 * diarization.segments, words}.
 */
export function simplifyTranscription(body: IDataObject): IDataObject {
	const metadata = (body.metadata && typeof body.metadata === 'object' ? body.metadata : {}) as IDataObject;
	const minutes = numberOrNull(metadata.actualDuration);
	const diarization = (body.diarization ?? {}) as IDataObject;
	const segments = Array.isArray(body.segments) ? body.segments : Array.isArray(diarization.segments) ? diarization.segments : undefined;
	const output: IDataObject = {
		text: typeof body.text === 'string' ? body.text : typeof body.transcription === 'string' ? body.transcription : '',
		language: body.language ?? metadata.language ?? null,
		duration: numberOrNull(body.duration) ?? (minutes === null ? null : Math.round(minutes * 60 * 1000) / 1000),
	};
	if (segments) output.segments = segments;
	if (Array.isArray(body.words)) output.words = body.words;
	const model = body.model ?? metadata.model;
	if (model !== undefined) output.model = model;
	const cost = numberOrNull(body.cost ?? metadata.cost);
	if (cost !== null) output.cost = cost;
	const currency = body.currency ?? metadata.currency;
	if (currency !== undefined) output.currency = currency;
	if (typeof body.runId === 'string') output.runId = body.runId;
	return output;
}

/** postReceive for Audio > Create Transcription: waits for background jobs, then simplifies unless turned off. */
export async function transcriptionToItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let body = response.body as IDataObject;
	if (isTranscriptionTicket(response.statusCode, body)) {
		if (!waitsForJobs(this)) return [{ json: { state: 'pending', ...body } }];
		body = { ...body, ...(await waitForTranscriptionJob(this, body)) };
	}
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return [{ json: simplify ? simplifyTranscription(body) : body }];
}
