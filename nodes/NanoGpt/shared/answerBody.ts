import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { headerValue } from '../../shared/nanoGptHttp';

/** The bytes of an answer read whole (a Buffer, an ArrayBuffer, text, or an object n8n already parsed). */
export function bytesOfBody(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body, 'binary');
	if (body && typeof body === 'object') return Buffer.from(JSON.stringify(body));
	return Buffer.alloc(0);
}

/**
 * The answer as a JSON object when NanoGPT answered JSON (a job ticket, a link to the file) rather than a media
 * file: by its content type, or by a leading `{` when it is not declared as `mediaKind`. JSON that does not parse
 * is `invalid` (undefined: treat the bytes as the file; `{}`: an answer without the expected fields).
 */
export function jsonAnswerOf(
	response: IN8nHttpFullResponse,
	bytes: Buffer,
	mediaKind: 'audio' | 'video',
	invalid: 'file' | 'empty' = 'file',
): IDataObject | undefined {
	const body = response.body;
	if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) return body as IDataObject;
	const contentType = headerValue(response.headers, 'content-type')?.toLowerCase() ?? '';
	const looksLikeJson = contentType.includes('json') || (!contentType.startsWith(`${mediaKind}/`) && bytes.subarray(0, 1).toString() === '{');
	if (!looksLikeJson) return undefined;
	try {
		const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// fall through
	}
	return invalid === 'empty' ? {} : undefined;
}
