import type { RecordedRequest } from '../helpers/fakeNanoGpt';

/** Parses a recorded multipart/form-data request body with the platform's own parser. */
export async function formDataOf(request: RecordedRequest): Promise<FormData> {
	const contentType = String(request.headers['content-type'] ?? '');
	if (!contentType.startsWith('multipart/form-data')) throw new Error(`Not a multipart request: ${contentType}`);
	return await new Request('http://x', { method: 'POST', headers: { 'content-type': contentType }, body: request.rawBody }).formData();
}

export async function fileBytes(form: FormData, name: string): Promise<{ bytes: Buffer; name: string; type: string }> {
	const file = form.get(name);
	if (!file || typeof file === 'string') throw new Error(`The multipart field ${name} is not a file`);
	return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name, type: file.type };
}
