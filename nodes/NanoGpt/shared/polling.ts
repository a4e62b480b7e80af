import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitUnlessCancelled } from './transport';

export interface PollResult<T> {
	done: boolean;
	value?: T;
}

/**
 * Polls an asynchronous NanoGPT job (video, async speech, diarized transcription) until `check` says it is
 * done, waiting with n8n-workflow's sleep between polls and stopping when the execution is cancelled.
 */
export async function pollUntilDone<T>(
	context: IExecuteSingleFunctions,
	options: { intervalMs: number; maxWaitMs: number; what: string; check: () => Promise<PollResult<T>> },
): Promise<T> {
	let waited = 0;
	for (;;) {
		const result = await options.check();
		if (result.done) return result.value as T;
		if (waited + options.intervalMs > options.maxWaitMs) {
			throw new NodeOperationError(
				context.getNode(),
				`The ${options.what} did not finish within ${Math.round(options.maxWaitMs / 1000)} seconds`,
				{ description: 'Raise the maximum wait, or check the job later with its ID.' },
			);
		}
		await waitUnlessCancelled(context, options.intervalMs);
		waited += options.intervalMs;
	}
}
