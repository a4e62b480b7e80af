import type { INodeParameters } from 'n8n-workflow';

import { modelById } from '../helpers/params';

export const RUN_ID = 'vid_m1abc123def456';

/** The 202 answer of POST /generate-video. */
export function submitted(extra: Record<string, unknown> = {}) {
	return {
		status: 202,
		json: {
			runId: RUN_ID,
			id: RUN_ID,
			status: 'pending',
			model: 'veo3-video',
			cost: 1.2,
			paymentSource: 'USD',
			remainingBalance: 48.8,
			prechargeLabel: 'veo3',
			...extra,
		},
	};
}

/** GET /video/status in the nested, upper-case shape of the docs examples. */
export function nestedStatus(status: string, extra: Record<string, unknown> = {}) {
	return { json: { requestId: RUN_ID, model: 'veo3-video', data: { status, requestId: RUN_ID, ...extra } } };
}

/** GET /video/status in the flat, lower-case shape of the OpenAPI spec. */
export function flatStatus(status: string, extra: Record<string, unknown> = {}) {
	return {
		json: {
			requestId: RUN_ID,
			status,
			progress: null,
			estimatedTimeRemaining: null,
			videoUrl: null,
			error: null,
			createdAt: '2026-11-22T10:00:00.000Z',
			completedAt: null,
			...extra,
		},
	};
}

/** Bytes of a (tiny, fake) MP4 file: an ftyp box followed by data. */
export const MP4_BYTES = Buffer.concat([
	Buffer.from([0x00, 0x00, 0x00, 0x18]),
	Buffer.from('ftypisom', 'latin1'),
	Buffer.from([0x00, 0x00, 0x02, 0x00]),
	Buffer.from('isomiso2mp41', 'latin1'),
	Buffer.from(Array.from({ length: 64 }, (_, index) => index)),
]);

export function generateParameters(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'video',
		operation: 'generate',
		model: modelById('veo3-video'),
		prompt: 'A serene lake at sunset',
		pollInterval: 0.01,
		maxWait: 5,
		...extra,
	};
}

export function statusParameters(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'video', operation: 'getStatus', requestId: RUN_ID, ...extra };
}

/** Bytes of a (tiny, fake) WebP image: RIFF....WEBP followed by data. */
export const WEBP_BYTES = Buffer.concat([
	Buffer.from('RIFF', 'latin1'),
	Buffer.from([0x24, 0, 0, 0]),
	Buffer.from('WEBPVP8 ', 'latin1'),
	Buffer.from(Array.from({ length: 24 }, (_, index) => 255 - index)),
]);

export function contentParameters(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'video', operation: 'getContent', runId: RUN_ID, ...extra };
}

export function extendParameters(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'video', operation: 'extend', runId: RUN_ID, videoIndex: 2, pollInterval: 0.01, maxWait: 5, ...extra };
}

export function recoverParameters(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'video', operation: 'recover', ...extra };
}
