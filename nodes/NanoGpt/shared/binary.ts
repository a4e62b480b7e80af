import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface InputBinary {
	buffer: Buffer;
	mimeType: string;
	fileName: string;
}

/** Reads a binary property of the current input item, with an error that lists the properties it has. */
export async function readInputBinary(
	context: IExecuteSingleFunctions,
	propertyName: string,
	parameterDisplayName: string,
): Promise<InputBinary> {
	const name = propertyName.trim();
	const item = context.getInputData();
	const available = Object.keys(item?.binary ?? {});
	if (name === '' || !item?.binary?.[name]) {
		const list = available.length ? available.map((key) => `"${key}"`).join(', ') : 'none';
		throw new NodeOperationError(
			context.getNode(),
			`The input item has no binary property "${name}" (parameter "${parameterDisplayName}")`,
			{
				description: `Binary properties on this item: ${list}. Enter the property name only (for example data), not an expression that returns the file.`,
			},
		);
	}
	const metadata: IBinaryData = item.binary[name];
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

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} bytes`;
}
