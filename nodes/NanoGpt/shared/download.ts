import type { IBinaryData, IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' ? value : undefined;
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
	const start = await peekStart(body);
	const declared = headerValue(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	const declaredKind = declared?.split('/')[0];
	const sniffed = sniffMimeType(start);
	if (start.length === 0 || (declaredKind !== options.expect && !sniffed?.startsWith(options.expect) && declaredKind !== 'application')) {
		body.destroy();
		throw new NodeOperationError(node, `NanoGPT's link did not return a ${options.expect} file`, {
			description: `The download answered with ${declared ?? 'no content type'}${start.length === 0 ? ' and no data' : ''}.`,
		});
	}
	const usable = declared && declaredKind === options.expect ? declared : undefined;
	const mimeType = usable ?? sniffed ?? options.fallbackMimeType;
	const extension = extensionForMimeType(mimeType);
	const fileName = extension ? `${options.baseName}.${extension}` : options.baseName;
	return await context.helpers.prepareBinaryData(body as never, fileName, mimeType);
}
