/**
 * An embedding as numbers: a float array as is, or NanoGPT's base64 form (little-endian float32, as OpenAI sends it)
 * decoded. Anything else is undefined.
 */
export function decodeEmbedding(value: unknown): number[] | undefined {
	if (Array.isArray(value)) {
		return value.every((entry) => typeof entry === 'number' && Number.isFinite(entry)) ? (value as number[]) : undefined;
	}
	if (typeof value !== 'string' || value === '') return undefined;
	const bytes = Buffer.from(value, 'base64');
	if (bytes.length === 0 || bytes.length % 4 !== 0) return undefined;
	const vector: number[] = [];
	for (let offset = 0; offset < bytes.length; offset += 4) vector.push(bytes.readFloatLE(offset));
	return vector.every((entry) => Number.isFinite(entry)) ? vector : undefined;
}
