import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactSecrets, withJobId } from '../../../shared/errors';
import { pollUntilDone } from '../../shared/polling';
import { fetchVideoStatus } from './fetchVideoStatus';
import type { VideoStatus } from './videoStatus';
import type { WaitSettings } from './waitSettings';

/** The error for a job NanoGPT ended without a video, in NanoGPT's own (user-friendly) words. */
export function videoJobError(context: IExecuteSingleFunctions, status: VideoStatus): NodeOperationError {
	const verb = status.status === 'canceled' ? 'was canceled' : 'failed';
	const reason = status.error ?? 'NanoGPT gave no reason';
	return withJobId(
		new NodeOperationError(context.getNode(), `The video generation ${verb}: ${redactSecrets(reason)}`, {
			description: `Request ID ${status.requestId}${status.model ? `, model ${status.model}` : ''}. NanoGPT normally refunds failed generations; check the prompt and the input image, or try another model.`,
		}),
		status.requestId,
	);
}

/** Polls GET /video/status until the job is completed, failed or canceled, or the maximum wait is over. */
export async function waitForVideo(
	context: IExecuteSingleFunctions,
	requestId: string,
	settings: WaitSettings,
): Promise<VideoStatus> {
	let lastProblem: string | undefined;
	let status: VideoStatus;
	try {
		status = await pollUntilDone<VideoStatus>(context, {
			intervalMs: settings.intervalMs,
			maxWaitMs: settings.maxWaitMs,
			what: 'video generation',
			jobId: requestId,
			checkLater: 'check it later with Video > Get Status',
			check: async () => {
				const check = await fetchVideoStatus(context, requestId, settings.requestTimeoutMs);
				lastProblem = check.ok ? undefined : check.problem;
				return check.ok && check.status.done ? { done: true, value: check.status } : { done: false };
			},
		});
	} catch (error) {
		if (error instanceof NodeOperationError && lastProblem !== undefined && /did not finish/.test(error.message)) {
			throw withJobId(
				new NodeOperationError(context.getNode(), `Could not get the status of video ${requestId}`, {
					description: `The last attempt failed: ${redactSecrets(lastProblem)}. The video may still be generating: check it later with Video > Get Status and the request ID ${requestId}.`,
				}),
				requestId,
			);
		}
		throw withJobId(
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(context.getNode(), error as Error),
			requestId,
		);
	}
	if (status.status !== 'completed') throw videoJobError(context, status);
	return status;
}
