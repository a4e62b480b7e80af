/**
 * Marks an error as final for the per-item retries: once a video is submitted (and paid for), an error while
 * waiting for it or downloading it must never send the generation again, even when its text mentions a timeout.
 */
export function notRetryable<T extends Error>(error: T): T {
	return Object.assign(error, { code: 'ENANOGPT_VIDEO_NOT_RESENT' });
}
