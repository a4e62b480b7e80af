import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { secondsText, withJobId } from '../../shared/errors';
import { waitUnlessCancelled } from './transport';

export interface PollResult<T> {
	done: boolean;
	value?: T;
}

/**
 * Polls an asynchronous NanoGPT job (video, async speech, diarized transcription) until `check` says it is
 * done, waiting with n8n-workflow's sleep between polls and stopping when the execution is cancelled. When the
 * maximum wait is over, the error names the job ID and carries it (error.context.requestId, and "requestId" on
 * the error item with Continue On Fail) so the paid job can be found again.
 */
export async function pollUntilDone<T>(
	context: IExecuteSingleFunctions,
	options: {
		intervalMs: number;
		maxWaitMs: number;
		what: string;
		jobId: string;
		checkLater?: string;
		check: () => Promise<PollResult<T>>;
	},
): Promise<T> {
	let waited = 0;
	for (;;) {
		const result = await options.check();
		if (result.done) return result.value as T;
		if (waited + options.intervalMs > options.maxWaitMs) {
			const later = options.checkLater ?? 'check the job later';
			throw withJobId(
				new NodeOperationError(
					context.getNode(),
					`The ${options.what} ${options.jobId} did not finish within ${secondsText(options.maxWaitMs)}`,
					{
						description: `The job may still be running (and is paid for). Raise the maximum wait, or ${later} with the ID ${options.jobId}.`,
					},
				),
				options.jobId,
			);
		}
		await waitUnlessCancelled(context, options.intervalMs);
		waited += options.intervalMs;
	}
}
