import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatBytes, readInputBinary, toDataUrl } from '../../shared/binary';
import { extensionForMimeType, sniffMimeType } from '../../shared/media';

/** NanoGPT documents input images as data URLs of "at most about 4 MB". */
export const MAX_INPUT_IMAGE_BYTES = 4 * 1024 * 1024;

/** Splits "data, photo2" into binary property names. */
export function binaryPropertyNames(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/** Reads one image of the input item as a data URL; refuses files that are not images or too large. */
export async function readImageAsDataUrl(
	context: IExecuteSingleFunctions,
	propertyName: string,
	parameterDisplayName: string,
): Promise<string> {
	const binary = await readInputBinary(context, propertyName, parameterDisplayName);
	const declared = binary.mimeType.split(';')[0].trim().toLowerCase();
	const mimeType = declared.startsWith('image/') ? declared : sniffMimeType(binary.buffer);
	if (!mimeType?.startsWith('image/') || !extensionForMimeType(mimeType)) {
		throw new NodeOperationError(
			context.getNode(),
			`The binary property "${propertyName}" is not a PNG, JPEG, WebP or GIF image (parameter "${parameterDisplayName}")`,
			{ description: `It holds "${binary.fileName}" of type ${binary.mimeType}.` },
		);
	}
	if (binary.buffer.length > MAX_INPUT_IMAGE_BYTES) {
		throw new NodeOperationError(
			context.getNode(),
			`The image in "${propertyName}" is ${formatBytes(binary.buffer.length)}, more than the ${formatBytes(MAX_INPUT_IMAGE_BYTES)} NanoGPT accepts (parameter "${parameterDisplayName}")`,
			{ description: 'Resize or compress the image first, for example with the Edit Image node.' },
		);
	}
	return toDataUrl({ ...binary, mimeType });
}
