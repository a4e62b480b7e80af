import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AcrossItems } from '../../shared/batching';
import { listOf, requireHttpUrl } from '../../shared/lists';
import { bodyOf } from '../../shared/parameters';

const show = { resource: ['youtube'], operation: ['getTranscript'] };

/** NanoGPT transcribes at most 10 videos per request (YouTubeTranscribeRequest.urls maxItems). */
export const MAX_VIDEOS_PER_REQUEST = 10;

export const getTranscriptFields: INodeProperties[] = [
	{
		displayName: 'Video URLs',
		name: 'videoUrls',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. https://www.youtube.com/watch?v=dQw4w9WgXcQ',
		description:
			"YouTube videos: one per line or separated by commas, or a list from an expression. The videos of all items go to NanoGPT together, at most 10 per request; each video becomes one output item.",
		displayOptions: { show },
	},
];

/** The item's video URLs, checked (http(s) addresses; NanoGPT itself decides which are YouTube videos). */
export function videoUrlsOf(context: IExecuteSingleFunctions): string[] {
	const urls = listOf(context.getNodeParameter('videoUrls', ''));
	if (urls.length === 0) {
		throw new NodeOperationError(context.getNode(), 'The parameter "Video URLs" is empty', {
			description: 'Enter at least one YouTube address, for example https://www.youtube.com/watch?v=dQw4w9WgXcQ or https://youtu.be/dQw4w9WgXcQ.',
		});
	}
	return urls.map((url) => requireHttpUrl(context, url, 'Video URLs'));
}

/** preSend of YouTube > Get Transcript: the item's videos (shared requests carry at most 10, see transcriptsAcrossItems). */
export async function buildTranscriptBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	bodyOf(requestOptions).urls = videoUrlsOf(this);
	return requestOptions;
}

/**
 * One output per requested video, in order: the transcript and whatever else NanoGPT sends (title, language,
 * segments...). A video without a transcript is an item with success false and NanoGPT's reason.
 */
export function transcriptsToItems(urls: string[], body: IDataObject): IDataObject[] {
	const transcripts = (Array.isArray(body.transcripts) ? body.transcripts : []).filter(
		(entry): entry is IDataObject => !!entry && typeof entry === 'object',
	);
	const unused = [...transcripts];
	const summary = (body.summary ?? {}) as IDataObject;
	return urls.map((url, index) => {
		const position = unused.findIndex((entry) => entry.url === url);
		const entry = position >= 0 ? unused.splice(position, 1)[0] : transcripts.length === urls.length ? transcripts[index] : undefined;
		if (!entry) {
			return { url, success: false, error: 'NanoGPT returned no transcript for this URL (is it a YouTube video address?)', summary };
		}
		const success = entry.success === true && typeof entry.transcript === 'string';
		const output: IDataObject = { url, success, title: entry.title ?? null, transcript: entry.transcript ?? null, ...entry };
		output.url = url;
		output.success = success;
		if (!success) {
			output.error =
				typeof entry.error === 'string' && entry.error !== '' ? entry.error : 'NanoGPT could not get a transcript for this video';
		}
		output.summary = summary;
		return output;
	});
}

/**
 * YouTube > Get Transcript sends the videos of many items together, at most 10 per request (NanoGPT's limit); each
 * video becomes an output item paired with the item it came from.
 */
export const transcriptsAcrossItems: AcrossItems = {
	listField: 'urls',
	sizeOf: () => MAX_VIDEOS_PER_REQUEST,
	outputsOf: (_context, urls, body) => transcriptsToItems(urls as string[], body),
};
