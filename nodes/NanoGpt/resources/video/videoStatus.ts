import type { IDataObject } from 'n8n-workflow';

/** The states a NanoGPT video job can be in, whatever spelling the status endpoint used. */
export type VideoJobStatus = 'queued' | 'in_progress' | 'completed' | 'failed' | 'canceled' | 'unknown';

/** One video job's state, the same for both documented status response shapes. */
export interface VideoStatus {
	requestId: string;
	model: string | null;
	status: VideoJobStatus;
	done: boolean;
	videoUrl: string | null;
	progress: number | null;
	error: string | null;
	cost: number | null;
	raw: IDataObject;
}

const STATUS_WORDS: Record<string, VideoJobStatus> = {
	in_queue: 'queued',
	queued: 'queued',
	pending: 'queued',
	submitted: 'queued',
	in_progress: 'in_progress',
	processing: 'in_progress',
	generating: 'in_progress',
	delivering: 'in_progress',
	running: 'in_progress',
	started: 'in_progress',
	completed: 'completed',
	complete: 'completed',
	succeeded: 'completed',
	success: 'completed',
	failed: 'failed',
	failure: 'failed',
	error: 'failed',
	canceled: 'canceled',
	cancelled: 'canceled',
};

const FINAL_STATUSES = new Set<VideoJobStatus>(['completed', 'failed', 'canceled']);

function objectOf(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	const object = objectOf(value);
	if (object) return textOf(object.message) ?? textOf(object.error);
	return undefined;
}

function numberOf(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** "IN_QUEUE", "queued", "In Progress", "cancelled"... as one of the normalized states. */
export function normalizeStatusWord(value: unknown): VideoJobStatus {
	if (typeof value !== 'string') return 'unknown';
	const word = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
	return STATUS_WORDS[word] ?? 'unknown';
}

function videoUrlOf(body: IDataObject, data: IDataObject | undefined): string | null {
	const output = objectOf(data?.output) ?? objectOf(body.output);
	const candidates = [
		objectOf(output?.video)?.url,
		output?.url,
		output?.videoUrl,
		data?.videoUrl,
		body.videoUrl,
		body.video_url,
	];
	const url = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
	return typeof url === 'string' ? url.trim() : null;
}

/**
 * Reads GET /video/status in either documented shape: nested upper case
 * `{requestId, model, data: {status: "IN_QUEUE"|..., output: {video: {url}}, error, userFriendlyError}}`
 * or flat lower case `{requestId, status: "queued"|..., videoUrl, progress, error}`.
 */
export function normalizeVideoStatus(body: IDataObject, requestedId: string): VideoStatus {
	const data = objectOf(body.data);
	const status = normalizeStatusWord(data?.status ?? body.status);
	const error = textOf(data?.userFriendlyError) ?? textOf(body.userFriendlyError) ?? textOf(data?.error) ?? textOf(body.error);
	const model = typeof body.model === 'string' ? body.model : typeof data?.model === 'string' ? data.model : null;
	const requestId = [body.requestId, data?.requestId, body.runId, requestedId].find(
		(candidate) => typeof candidate === 'string' && candidate !== '',
	) as string;
	return {
		requestId,
		model,
		status,
		done: FINAL_STATUSES.has(status),
		videoUrl: videoUrlOf(body, data),
		progress: numberOf(data?.progress ?? body.progress),
		error: error ?? null,
		cost: numberOf(data?.cost ?? body.cost),
		raw: body,
	};
}
