import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sniffMimeType } from './media';
import { textParameter } from './parameters';

export interface InputBinary {
	buffer: Buffer;
	mimeType: string;
	fileName: string;
}

/** Reads a binary property of the current input item, with an error that lists the properties it has. */
export async function readInputBinary(
	context: IExecuteSingleFunctions,
	propertyName: unknown,
	parameterDisplayName: string,
): Promise<InputBinary> {
	const name = textParameter(context, propertyName, parameterDisplayName).trim();
	const item = context.getInputData();
	const binaries = item?.binary ?? {};
	const available = Object.keys(binaries);
	if (name === '' || !Object.prototype.hasOwnProperty.call(binaries, name) || !binaries[name]) {
		const list = available.length ? available.map((key) => `"${key}"`).join(', ') : 'none';
		throw new NodeOperationError(
			context.getNode(),
			`The input item has no binary property "${name}" (parameter "${parameterDisplayName}")`,
			{
				description: `Binary properties on this item: ${list}. Enter the property name only (for example data), not an expression that returns the file.`,
			},
		);
	}
	const metadata: IBinaryData = binaries[name];
	const buffer = await context.helpers.getBinaryDataBuffer(name);
	return {
		buffer,
		mimeType: metadata.mimeType || 'application/octet-stream',
		fileName: metadata.fileName || name,
	};
}

export function toDataUrl(binary: InputBinary): string {
	return `data:${binary.mimeType};base64,${binary.buffer.toString('base64')}`;
}

function withThousands(value: number): string {
	return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A size for messages, in decimal units (1 MB = 1,000,000 bytes, 1 KB = 1,000 bytes), with the exact byte count
 * from 1 MB on, so a file over a limit never reads as equal to it ("4.35 MB (4,350,000 bytes)").
 */
export function formatBytes(bytes: number): string {
	const short = (value: number) => String(Number(value.toFixed(2)));
	if (bytes >= 1_000_000) return `${short(bytes / 1_000_000)} MB (${withThousands(bytes)} bytes)`;
	if (bytes >= 1_000) return `${short(bytes / 1_000)} KB`;
	return `${bytes} bytes`;
}

/** Image types NanoGPT accepts as input, confirmed by the file's first bytes. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** What one binary input must be, and where it is sent (for the size message). */
export interface BinaryRule {
	kind: 'image' | 'audio';
	/** The endpoint's documented upload limit, in bytes. */
	maxBytes: number;
	/** Who accepts at most maxBytes, e.g. "NanoGPT's image upload". */
	limitOf: string;
	/** Advice for a file over the limit. */
	tooLargeAdvice: string;
}

const KIND_WORDS = {
	image: 'a PNG, JPEG, WebP or GIF image',
	audio: 'an audio file NanoGPT accepts (MP3, WAV, OGG/Opus, FLAC, M4A, AAC or WebM; video files for video-capable models)',
};

/**
 * The one check every binary input passes before anything is sent: the property exists, it is not empty, its type
 * is confirmed by its first bytes (the declared MIME type alone is not trusted), and it is within the endpoint's
 * documented size limit. Returns the file with its MIME type as sniffed.
 */
export async function readCheckedBinary(
	context: IExecuteSingleFunctions,
	propertyName: unknown,
	parameterDisplayName: string,
	rule: BinaryRule,
): Promise<InputBinary> {
	const file = await readInputBinary(context, propertyName, parameterDisplayName);
	const name = String(propertyName).trim();
	if (file.buffer.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			`The binary property "${name}" is empty (parameter "${parameterDisplayName}")`,
			{ description: `It holds "${file.fileName}" with 0 bytes. Check the node that produced the file.` },
		);
	}
	const sniffed = sniffMimeType(file.buffer);
	const accepted =
		rule.kind === 'image'
			? sniffed !== undefined && IMAGE_TYPES.has(sniffed)
			: sniffed !== undefined && (sniffed.startsWith('audio/') || sniffed.startsWith('video/'));
	if (!accepted || !sniffed) {
		throw new NodeOperationError(
			context.getNode(),
			`The binary property "${name}" is not ${rule.kind === 'image' ? 'a PNG, JPEG, WebP or GIF image' : 'an audio file'} (parameter "${parameterDisplayName}")`,
			{
				description: `It holds "${file.fileName}" (declared as ${file.mimeType}${sniffed ? `, its content is ${sniffed}` : ''}), but its first bytes are not those of ${KIND_WORDS[rule.kind]}.`,
			},
		);
	}
	if (file.buffer.length > rule.maxBytes) {
		throw new NodeOperationError(
			context.getNode(),
			`The file "${file.fileName}" in "${name}" is ${formatBytes(file.buffer.length)}, more than the ${formatBytes(rule.maxBytes)} ${rule.limitOf} accepts (parameter "${parameterDisplayName}")`,
			{ description: rule.tooLargeAdvice },
		);
	}
	const declared = file.mimeType.split(';')[0].trim().toLowerCase();
	// Keep a more precise declared type of the same family (audio/opus for an Ogg file); images use the sniffed type.
	const mimeType = rule.kind === 'audio' && declared.split('/')[0] === sniffed.split('/')[0] ? file.mimeType : sniffed;
	return { ...file, mimeType };
}

/** NanoGPT's documented limit for images sent as data URLs ("at most about 4 MB"), used for every image input. */
export const MAX_IMAGE_BYTES = 4_000_000;

export const IMAGE_RULE: BinaryRule = {
	kind: 'image',
	maxBytes: MAX_IMAGE_BYTES,
	limitOf: 'NanoGPT',
	tooLargeAdvice: 'Resize or compress the image first (for example with the Edit Image node), or pass it by URL where the operation offers one.',
};
