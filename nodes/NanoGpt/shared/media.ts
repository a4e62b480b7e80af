import type { IBinaryData, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { redactSecrets } from '../../shared/errors';
import { headerValue } from '../../shared/nanoGptHttp';

const EXTENSIONS: Record<string, string> = {
	'audio/aac': 'aac',
	'audio/flac': 'flac',
	'audio/mp4': 'm4a',
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'audio/pcm': 'pcm',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/webm': 'webm',
	'audio/x-wav': 'wav',
	'image/gif': 'gif',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/x-msvideo': 'avi',
	'video/webm': 'webm',
};

/** File extension for a MIME type (parameters such as "; charset" ignored). */
export function extensionForMimeType(mimeType: string): string | undefined {
	return EXTENSIONS[mimeType.split(';')[0].trim().toLowerCase()];
}

/** MIME type for a file extension. */
export function mimeTypeForExtension(extension: string): string | undefined {
	const wanted = extension.replace(/^\./, '').toLowerCase();
	return Object.entries(EXTENSIONS).find(([, ext]) => ext === wanted)?.[0];
}

/** Sniffs common media formats from their first bytes. */
export function sniffMimeType(buffer: Buffer): string | undefined {
	const ascii = (start: number, end: number) => buffer.subarray(start, end).toString('latin1');
	if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0x89504e47) return 'image/png';
	if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'image/jpeg';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
	if (ascii(0, 4) === 'GIF8') return 'image/gif';
	if (ascii(0, 4) === 'fLaC') return 'audio/flac';
	if (ascii(0, 4) === 'OggS') return 'audio/ogg';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return 'video/x-msvideo';
	if (ascii(0, 3) === 'ID3' || (buffer.length >= 2 && buffer[0] === 0xff && (buffer[1] & 0xe0) === 0xe0 && (buffer[1] & 0x06) !== 0))
		return 'audio/mpeg';
	// AAC in ADTS frames: sync word 0xFFF, layer 00.
	if (buffer.length >= 2 && buffer[0] === 0xff && (buffer[1] & 0xf6) === 0xf0) return 'audio/aac';
	if (ascii(0, 4) === 'ADIF') return 'audio/aac';
	if (ascii(4, 8) === 'ftyp') {
		const brand = ascii(8, 12);
		if (brand.startsWith('M4A') || brand.startsWith('M4B')) return 'audio/mp4';
		return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
	}
	if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0x1a45dfa3) return 'video/webm';
	return undefined;
}

/** Stores bytes as an n8n binary file with an explicit MIME type and a file name with the right extension. */
export async function toBinary(
	context: IExecuteSingleFunctions,
	buffer: Buffer,
	options: { baseName: string; mimeType?: string; fallbackMimeType?: string },
): Promise<IBinaryData> {
	const declared = options.mimeType?.split(';')[0].trim().toLowerCase();
	const usable = declared && declared !== 'application/octet-stream' && declared !== 'binary/octet-stream' ? declared : undefined;
	const mimeType = usable ?? sniffMimeType(buffer) ?? options.fallbackMimeType ?? 'application/octet-stream';
	const extension = extensionForMimeType(mimeType);
	const fileName = extension ? `${options.baseName}.${extension}` : options.baseName;
	return await context.helpers.prepareBinaryData(buffer, fileName, mimeType);
}

/**
 * Downloads a file NanoGPT returned by URL (signed storage links). The API key is not sent to the
 * storage host. Answers that are not media (an error page, JSON) are a clear error.
 */
export async function downloadFile(
	context: IExecuteSingleFunctions,
	url: string,
	options: { what: string; timeoutMs: number; expect: 'image' | 'audio' | 'video' },
): Promise<{ buffer: Buffer; mimeType?: string }> {
	let response: { body: unknown; headers: IDataObject; statusCode: number };
	try {
		response = (await context.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: options.timeoutMs,
		})) as { body: unknown; headers: IDataObject; statusCode: number };
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Could not download the ${options.what} from NanoGPT`, {
			description: `${redactSecrets((error as Error).message)}. The link may have expired (NanoGPT links last about an hour).`,
		});
	}
	const buffer = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(response.body as ArrayBuffer);
	if (response.statusCode >= 400) {
		throw new NodeOperationError(context.getNode(), `Could not download the ${options.what} (HTTP ${response.statusCode})`, {
			description: 'The link may have expired (NanoGPT links last about an hour). Run the node again.',
		});
	}
	const mimeType = headerValue(response.headers, 'content-type');
	const declaredKind = mimeType?.split('/')[0].toLowerCase();
	const sniffed = sniffMimeType(buffer);
	if (buffer.length === 0 || (declaredKind !== options.expect && !sniffed?.startsWith(options.expect) && declaredKind !== 'application')) {
		throw new NodeOperationError(context.getNode(), `NanoGPT's link did not return a ${options.expect} file`, {
			description: `The download answered with ${mimeType ?? 'no content type'} and ${buffer.length} bytes.`,
		});
	}
	return { buffer, mimeType };
}
