import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactSecrets, withJobId } from '../../../shared/errors';
import { pollUntilDone } from '../../shared/polling';
import { credentialSecrets } from '../../shared/secrets';
import { fetchJobStatus, isCompletedStatus, isFailedStatus, pickDefined, readJobSettings } from './jobPolling';

export const TRANSCRIPTION_DEFAULT_MAX_WAIT_SECONDS = 600;

/** True when a transcription answer is a ticket for a background job (HTTP 202 with a runId). */
export function isTranscriptionTicket(statusCode: number, body: IDataObject): boolean {
	if (typeof body.runId !== 'string' || body.runId === '') return false;
	return statusCode === 202 || (!isCompletedStatus(body.status) && body.transcription === undefined && body.text === undefined);
}

/** Waits for a background transcription: POST /transcribe/status {runId, ...} until completed or failed. */
export async function waitForTranscriptionJob(context: IExecuteSingleFunctions, ticket: IDataObject): Promise<IDataObject> {
	const settings = readJobSettings(context, TRANSCRIPTION_DEFAULT_MAX_WAIT_SECONDS);
	const secrets = await credentialSecrets(context);
	const body: IDataObject = {
		runId: ticket.runId,
		...pickDefined(ticket, ['cost', 'paymentSource', 'fileName', 'fileSize', 'chargedDuration', 'diarize']),
		isApiRequest: true,
	};
	return await pollUntilDone(context, {
		intervalMs: settings.intervalMs,
		maxWaitMs: settings.maxWaitMs,
		what: 'transcription job',
		jobId: String(ticket.runId),
		check: async () => {
			const status = await fetchJobStatus(context, { method: 'POST', url: '/transcribe/status', body });
			if (!status) return { done: false };
			if (isFailedStatus(status.status)) {
				const reason = typeof status.error === 'string' && status.error !== '' ? status.error : 'no reason given';
				throw withJobId(
					new NodeOperationError(context.getNode(), `NanoGPT could not transcribe the audio: ${redactSecrets(reason, secrets)}`, {
						description: `Job ${String(ticket.runId)} ended with status "${redactSecrets(String(status.status), secrets)}".`,
					}),
					String(ticket.runId),
				);
			}
			return isCompletedStatus(status.status) ? { done: true, value: status } : { done: false };
		},
	});
}
