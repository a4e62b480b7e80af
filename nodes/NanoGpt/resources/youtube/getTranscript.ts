import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunkIndexOf } from '../../shared/chunks';
import { chunksOf, listOf, requireHttpUrl } from '../../shared/lists';
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
			"YouTube videos: one per line or separated by commas, or a list from an expression. An item's videos go to NanoGPT in requests of at most 10; each video becomes one output item.",
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

/** How many requests the item's videos need. */
export function countTranscriptRequests(context: IExecuteSingleFunctions): number {
	return chunksOf(videoUrlsOf(context), MAX_VIDEOS_PER_REQUEST).length;
}

function urlsOfThisRequest(context: IExecuteSingleFunctions): string[] {
	return chunksOf(videoUrlsOf(context), MAX_VIDEOS_PER_REQUEST)[chunkIndexOf(context)] ?? [];
}

/** preSend of YouTube > Get Transcript: the videos of this request (at most 10). */
export async function buildTranscriptBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	bodyOf(requestOptions).urls = urlsOfThisRequest(this);
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

/** postReceive of YouTube > Get Transcript. */
export async function outputTranscripts(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return transcriptsToItems(urlsOfThisRequest(this), response.body as IDataObject).map((json) => ({ json }));
}
