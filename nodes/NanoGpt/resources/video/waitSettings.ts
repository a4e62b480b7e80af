import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkNumberInRange } from '../../shared/parameters';
import { readRequestSettings } from '../../shared/requestSettings';

/** Shortest accepted time between status checks (the editor asks for at least 1 second). */
const MIN_POLL_INTERVAL_SECONDS = 0.01;
/** Upper bound for one status request, so a hanging check does not eat the whole wait. */
const MAX_STATUS_REQUEST_MS = 60_000;

export interface WaitSettings {
	intervalMs: number;
	maxWaitMs: number;
	requestTimeoutMs: number;
}

/** Check Every / Max Wait of Video > Generate, validated (expressions can bypass the editor's limits). */
export function readWaitSettings(context: IExecuteSingleFunctions): WaitSettings {
	const intervalSeconds = checkNumberInRange(context, context.getNodeParameter('pollInterval', 5), 'Check Every (Seconds)', {
		min: MIN_POLL_INTERVAL_SECONDS,
	});
	const maxWaitSeconds = checkNumberInRange(context, context.getNodeParameter('maxWait', 600), 'Max Wait (Seconds)', {
		min: 0,
	});
	return {
		intervalMs: intervalSeconds * 1000,
		maxWaitMs: maxWaitSeconds * 1000,
		requestTimeoutMs: Math.min(readRequestSettings(context).timeoutMs, MAX_STATUS_REQUEST_MS),
	};
}

/** preSend: rejects invalid wait settings before the video is submitted (and paid for). */
export async function checkWaitSettings(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('waitForCompletion', true) as boolean) readWaitSettings(this);
	return requestOptions;
}
