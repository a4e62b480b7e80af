import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { IMAGE_RULE, readCheckedBinary, toDataUrl } from '../../shared/binary';
import { textParameter } from '../../shared/parameters';

/** Splits "data, photo2" into binary property names. */
export function binaryPropertyNames(context: IExecuteSingleFunctions, value: unknown, displayName: string): string[] {
	return textParameter(context, value, displayName)
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/** Reads one image of the input item as a data URL, after the shared binary check (type, emptiness, size). */
export async function readImageAsDataUrl(
	context: IExecuteSingleFunctions,
	propertyName: string,
	parameterDisplayName: string,
): Promise<string> {
	return toDataUrl(await readCheckedBinary(context, propertyName, parameterDisplayName, IMAGE_RULE));
}
