import type { INodeExecutionData } from 'n8n-workflow';

/** Small byte sequences with real magic numbers, so MIME sniffing and byte comparisons are meaningful. */
export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('png-pixels-1')]);
export const PNG_2 = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('png-pixels-2')]);
export const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.from('jpeg-pixels')]);
export const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 webp-pixels')]);

/** An input item with binary properties, as an upstream n8n node would produce it. */
export function itemWithBinary(
	files: Record<string, { buffer: Buffer; mimeType: string; fileName: string }>,
): INodeExecutionData {
	const binary: INodeExecutionData['binary'] = {};
	for (const [name, file] of Object.entries(files)) {
		binary[name] = { data: file.buffer.toString('base64'), mimeType: file.mimeType, fileName: file.fileName };
	}
	return { json: {}, binary };
}

/** The bytes of an output binary property. */
export function bytesOf(item: INodeExecutionData, property = 'data'): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`The output item has no binary property ${property}`);
	return Buffer.from(binary.data, 'base64');
}
export const GIF_BYTES = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from('gif-pixels')]);
