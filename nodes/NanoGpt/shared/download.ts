import type { IBinaryData, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerValue } from '../../shared/nanoGptHttp';
import { extensionForMimeType, sniffMimeType } from './media';

/** The parts of a Node.js readable stream this file uses (the HTTP answer body). */
interface BodyStream {
	read(): Buffer | null;
	unshift(chunk: Buffer): void;
	on(event: 'readable', listener: () => void): unknown;
	once(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
	off(event: string, listener: (...args: never[]) => void): unknown;
	destroy(): void;
}

/**
 * Reads the first bytes of a stream without consuming them (they are put back), or an empty buffer when the
 * stream ends at once. Used to check what a download is before it is stored.
 */
export async function peekStart(stream: BodyStream): Promise<Buffer> {
	return await new Promise<Buffer>((resolve, reject) => {
		const cleanup = () => {
			stream.off('readable', onReadable);
			stream.off('end', onEnd);
			stream.off('error', onError);
		};
		const onReadable = () => {
			const chunk = stream.read();
			if (chunk === null) return;
			cleanup();
			stream.unshift(chunk);
			resolve(chunk.subarray(0, 32));
		};
		const onEnd = () => {
			cleanup();
			resolve(Buffer.alloc(0));
		};
		const onError = (error?: Error) => {
			cleanup();
			reject(error ?? new Error('download failed'));
		};
		stream.on('readable', onReadable);
		stream.once('end', onEnd);
		stream.once('error', onError);
	});
}

/**
 * Downloads a file NanoGPT returned by URL (signed storage links, no API key: the request carries no credential,
 * also after the storage host's own redirects) straight into n8n's binary storage as a stream, so a large video
 * is never held whole in memory by the node. The first bytes are checked before storing: an empty answer, an
 * error page or a file of the wrong kind is a clear error. The whole download is bounded by `timeoutMs`.
 */
export async function downloadToBinary(
	context: IExecuteSingleFunctions,
	url: string,
	options: { what: string; timeoutMs: number; expect: 'image' | 'audio' | 'video'; baseName: string; fallbackMimeType: string },
): Promise<IBinaryData> {
	const node = context.getNode();
	const deadline = AbortSignal.timeout(Math.max(1, options.timeoutMs));
	const cancel = context.getExecutionCancelSignal?.();
	const signal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
	const failed = (reason: string) =>
		new NodeOperationError(node, `Could not download the ${options.what} from NanoGPT`, {
			description: `${reason}. The link may have expired (NanoGPT links last about an hour).`,
		});
	let response: { body: unknown; headers: IDataObject; statusCode: number };
	try {
		response = (await context.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: options.timeoutMs,
			abortSignal: signal,
		})) as { body: unknown; headers: IDataObject; statusCode: number };
	} catch (error) {
		throw failed(deadline.aborted ? `The download did not finish within ${Math.round(options.timeoutMs / 1000)} seconds` : (error as Error).message);
	}
	const body = response.body as BodyStream;
	if (response.statusCode >= 400) {
		body.destroy();
		throw new NodeOperationError(node, `Could not download the ${options.what} (HTTP ${response.statusCode})`, {
			description: 'The link may have expired (NanoGPT links last about an hour). Run the node again.',
		});
	}
	return await storeStream(context, body, headerValue(response.headers, 'content-type'), { ...options, source: "NanoGPT's link" });
}

/**
 * The size of a stored binary where n8n does not report it (n8n 1.x): from the data itself in memory mode, from the
 * stored file's metadata otherwise.
 */
async function storedSize(context: IExecuteSingleFunctions, binary: IBinaryData): Promise<number | undefined> {
	if (!binary.id) return Buffer.byteLength(binary.data, 'base64');
	const helpers = context.helpers as unknown as { getBinaryMetadata?: (id: string) => Promise<{ fileSize?: number }> };
	try {
		const size = (await helpers.getBinaryMetadata?.(binary.id))?.fileSize;
		return typeof size === 'number' ? size : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Stores a media stream in n8n's binary storage without holding it whole in memory. Its first bytes are checked
 * first: nothing at all, or a file of the wrong kind, is a clear error. A stream cut off while it is stored (the
 * deadline, a reset) is a clear error too.
 */
export async function storeStream(
	context: IExecuteSingleFunctions,
	body: unknown,
	contentType: string | undefined,
	options: { what: string; expect: 'image' | 'audio' | 'video'; baseName: string; fallbackMimeType: string; source?: string },
): Promise<IBinaryData> {
	const node = context.getNode();
	const stream = body as BodyStream;
	const start = await peekStart(stream);
	const declared = contentType?.split(';')[0].trim().toLowerCase();
	const declaredKind = declared?.split('/')[0];
	const sniffed = sniffMimeType(start);
	const source = options.source ?? 'NanoGPT';
	if (start.length === 0) {
		stream.destroy();
		throw new NodeOperationError(node, `${source} returned an empty ${options.expect} file`, {
			description: 'Run the node again; if it keeps happening, try another voice or model.',
		});
	}
	if (declaredKind !== options.expect && !sniffed?.startsWith(options.expect) && declaredKind !== 'application') {
		stream.destroy();
		throw new NodeOperationError(node, `${source} did not return ${options.expect === 'image' ? 'an' : 'a'} ${options.expect} file`, {
			description: `The answer was ${declared ?? 'of no content type'}. Run the node again; if it keeps happening, try another model.`,
		});
	}
	const usable = declared && declaredKind === options.expect ? declared : undefined;
	const mimeType = usable ?? sniffed ?? options.fallbackMimeType;
	const extension = extensionForMimeType(mimeType);
	const fileName = extension ? `${options.baseName}.${extension}` : options.baseName;
	try {
		const binary = await context.helpers.prepareBinaryData(stream as never, fileName, mimeType);
		return { ...binary, bytes: binary.bytes ?? (await storedSize(context, binary)) };
	} catch (error) {
		throw new NodeOperationError(node, `The ${options.what} from NanoGPT was cut off`, {
			description: `${(error as Error).message || 'The connection closed'}. Run the node again; raise Timeout if the file is large.`,
		});
	}
}
