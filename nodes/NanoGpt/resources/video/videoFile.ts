import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadToBinary } from '../../shared/download';
import type { VideoStatus } from './videoStatus';

const MIN_DOWNLOAD_TIMEOUT_MS = 300_000;

/** The file name NanoGPT's link ends with, without its extension ("clip" for .../clip.mp4?sig=...). */
export function baseNameOf(url: string, fallback: string): string {
	let last = '';
	try {
		last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
	} catch {
		last = '';
	}
	const base = last.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^\w.-]+/g, '_');
	const safeFallback = fallback.replace(/[^\w.-]+/g, '_') || 'video';
	return base !== '' && base !== '_' ? base : safeFallback;
}

/** Downloads a finished job's video (without the API key) as an n8n binary file, streamed. */
export async function downloadVideo(
	context: IExecuteSingleFunctions,
	status: VideoStatus,
	timeoutMs: number,
): Promise<IBinaryData> {
	if (!status.videoUrl) {
		throw new NodeOperationError(context.getNode(), `NanoGPT reported video ${status.requestId} as completed but gave no video URL`, {
			description: 'Check the job later with Video > Get Status; the full status answer is in the "raw" field of its output.',
		});
	}
	// Streamed into n8n's binary storage: a long video is never held whole in memory by the node.
	return await downloadToBinary(context, status.videoUrl, {
		what: 'video',
		timeoutMs: Math.max(timeoutMs, MIN_DOWNLOAD_TIMEOUT_MS),
		expect: 'video',
		baseName: baseNameOf(status.videoUrl, status.requestId),
		fallbackMimeType: 'video/mp4',
	});
}
