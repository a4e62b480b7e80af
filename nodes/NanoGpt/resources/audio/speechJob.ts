import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactSecrets, withJobId } from '../../../shared/errors';
import { pollUntilDone } from '../../shared/polling';
import { credentialSecrets } from '../../shared/secrets';
import { fetchJobStatus, isCompletedStatus, isFailedStatus, pickDefined, readJobSettings } from './jobPolling';

export const SPEECH_DEFAULT_MAX_WAIT_SECONDS = 180;

/** True when a speech answer is a ticket for a background job rather than audio. */
export function isSpeechTicket(body: IDataObject): boolean {
	return typeof body.runId === 'string' && body.runId !== '' && !isCompletedStatus(body.status) && !body.audioUrl;
}

/**
 * Waits for a background speech job: GET /tts/status?runId=&model= until it is completed (returns the
 * status body with audioUrl) or errors. The wait is bounded by the operation's Max Wait option.
 */
export async function waitForSpeechJob(context: IExecuteSingleFunctions, ticket: IDataObject): Promise<IDataObject> {
	const settings = readJobSettings(context, SPEECH_DEFAULT_MAX_WAIT_SECONDS);
	const secrets = await credentialSecrets(context);
	const qs: IDataObject = {
		runId: ticket.runId,
		model: ticket.model ?? context.getNodeParameter('model', '', { extractValue: true }),
		...pickDefined(ticket, ['cost', 'paymentSource']),
		isApiRequest: 'true',
	};
	return await pollUntilDone(context, {
		intervalMs: settings.intervalMs,
		maxWaitMs: settings.maxWaitMs,
		what: 'speech job',
		jobId: String(ticket.runId),
		check: async () => {
			const status = await fetchJobStatus(context, { method: 'GET', url: '/tts/status', qs });
			if (!status) return { done: false };
			if (isFailedStatus(status.status)) {
				const reason = typeof status.error === 'string' && status.error !== '' ? status.error : 'no reason given';
				throw withJobId(
					new NodeOperationError(context.getNode(), `NanoGPT could not generate the speech: ${redactSecrets(reason, secrets)}`, {
						description: `Job ${String(ticket.runId)} ended with status "${redactSecrets(String(status.status), secrets)}". Check the text and voice, or try another model.`,
					}),
					String(ticket.runId),
				);
			}
			if (isCompletedStatus(status.status) || (typeof status.audioUrl === 'string' && status.audioUrl !== '')) {
				return { done: true, value: status };
			}
			return { done: false };
		},
	});
}
