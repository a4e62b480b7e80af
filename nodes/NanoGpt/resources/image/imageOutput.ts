import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadFile, toBinary } from '../../shared/media';
import { readRequestSettings } from '../../shared/requestSettings';

interface DecodedImage {
	buffer: Buffer;
	mimeType?: string;
}

/** b64_json is plain base64; tolerate a data URL too ("data:image/png;base64,..."). */
function decodeBase64Image(value: string): DecodedImage {
	const dataUrl = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s.exec(value);
	if (dataUrl) return { buffer: Buffer.from(dataUrl[2], 'base64'), mimeType: dataUrl[1] };
	return { buffer: Buffer.from(value, 'base64') };
}

/** The fields every output item carries: what the request cost and the balance left (cost is per request). */
function requestSummary(body: IDataObject, imageCount: number): IDataObject {
	return {
		imageCount,
		created: body.created ?? null,
		cost: typeof body.cost === 'number' ? body.cost : body.cost === undefined ? null : Number(body.cost),
		...(body.currency !== undefined ? { currency: body.currency } : {}),
		paymentSource: body.paymentSource ?? null,
		remainingBalance: body.remainingBalance ?? null,
	};
}

async function imageBinary(
	context: IExecuteSingleFunctions,
	entry: IDataObject,
	baseName: string,
): Promise<IBinaryData> {
	let image: DecodedImage;
	if (typeof entry.b64_json === 'string' && entry.b64_json !== '') {
		image = decodeBase64Image(entry.b64_json);
	} else {
		image = await downloadFile(context, String(entry.url), {
			what: 'generated image',
			timeoutMs: readRequestSettings(context).timeoutMs,
			expect: 'image',
		});
	}
	return await toBinary(context, image.buffer, { baseName, mimeType: image.mimeType, fallbackMimeType: 'image/png' });
}

/**
 * postReceive for Image > Create: one output item per generated image. In file mode each item has the
 * image as a binary file (decoded from b64_json or downloaded from url); in URL mode each item has the
 * signed url, or the image as a file when NanoGPT fell back to b64_json.
 */
export async function imagesToItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const entries = (Array.isArray(body.data) ? body.data : []).filter(
		(entry): entry is IDataObject =>
			!!entry &&
			typeof entry === 'object' &&
			((typeof (entry as IDataObject).b64_json === 'string' && (entry as IDataObject).b64_json !== '') ||
				(typeof (entry as IDataObject).url === 'string' && (entry as IDataObject).url !== '')),
	);
	if (entries.length === 0) {
		throw new NodeOperationError(this.getNode(), 'NanoGPT returned no images', {
			description: 'The response has no data[].b64_json or data[].url. Run the node again or try another model.',
		});
	}
	const urlsOnly = this.getNodeParameter('imageOutput', 'binary') === 'url';
	const property = String(this.getNodeParameter('binaryPropertyOutput', 'data') ?? '').trim() || 'data';
	const model = this.getNodeParameter('model', '', { extractValue: true }) as string;
	const summary = requestSummary(body, entries.length);
	const output: INodeExecutionData[] = [];
	for (const [index, entry] of entries.entries()) {
		const json: IDataObject = { index, model, ...summary };
		if (typeof entry.revised_prompt === 'string') json.revisedPrompt = entry.revised_prompt;
		if (urlsOnly && typeof entry.url === 'string' && entry.url !== '') {
			output.push({ json: { ...json, url: entry.url } });
			continue;
		}
		const baseName = entries.length === 1 ? 'image' : `image-${index + 1}`;
		const binary = await imageBinary(this, entry, baseName);
		if (typeof entry.url === 'string' && entry.url !== '') json.url = entry.url;
		output.push({ json, binary: { [property]: binary } });
	}
	return output;
}
