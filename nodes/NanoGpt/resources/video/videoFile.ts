import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadFile, toBinary } from '../../shared/media';
import type { VideoStatus } from './videoStatus';
import { notRetryable } from './notRetryable';

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

/** Downloads a finished job's video (without the API key) as an n8n binary file. */
export async function downloadVideo(
	context: IExecuteSingleFunctions,
	status: VideoStatus,
	timeoutMs: number,
): Promise<IBinaryData> {
	if (!status.videoUrl) {
		throw notRetryable(
			new NodeOperationError(context.getNode(), `NanoGPT reported video ${status.requestId} as completed but gave no video URL`, {
				description: 'Check the job later with Video > Get Status; the full status answer is in the "raw" field of its output.',
			}),
		);
	}
	try {
		const file = await downloadFile(context, status.videoUrl, {
			what: 'video',
			timeoutMs: Math.max(timeoutMs, MIN_DOWNLOAD_TIMEOUT_MS),
			expect: 'video',
		});
		return await toBinary(context, file.buffer, {
			baseName: baseNameOf(status.videoUrl, status.requestId),
			mimeType: file.mimeType,
			fallbackMimeType: 'video/mp4',
		});
	} catch (error) {
		throw notRetryable(error as Error);
	}
}
