import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseNanoGptError, quoteAnswer, withJobId } from '../../../shared/errors';
import { headerValue } from '../../../shared/nanoGptHttp';
import { bytesOfBody, jsonAnswerOf } from '../../shared/answerBody';
import { downloadToBinary } from '../../shared/download';
import { sniffMimeType, toBinary } from '../../shared/media';
import { requireText, textParameter } from '../../shared/parameters';
import { readRequestSettings } from '../../shared/requestSettings';
import { credentialSecrets } from '../../shared/secrets';
import { unknownVideoError } from './fetchVideoStatus';
import { baseNameOf } from './videoFile';

const show = { resource: ['video'], operation: ['getContent'] };

/** The only model the content route serves (the spec: "Must be sora-2"). */
export const CONTENT_MODEL = 'sora-2';

const MIN_DOWNLOAD_TIMEOUT_MS = 300_000;

type Variant = 'video' | 'thumbnail' | 'spritesheet';

/** What each variant is: the kind of file expected and the type used when neither NanoGPT nor the bytes say. */
const VARIANTS: Record<Variant, { expect: 'video' | 'image'; fallbackMimeType: string }> = {
	video: { expect: 'video', fallbackMimeType: 'video/mp4' },
	thumbnail: { expect: 'image', fallbackMimeType: 'image/webp' },
	spritesheet: { expect: 'image', fallbackMimeType: 'image/jpeg' },
};

function variantOf(context: IExecuteSingleFunctions): Variant {
	const value = textParameter(context, context.getNodeParameter('contentVariant', 'video'), 'Variant').trim();
	if (!(value in VARIANTS)) {
		throw new NodeOperationError(context.getNode(), `The parameter "Variant" must be video, thumbnail or spritesheet`, {
			description: `Received "${value}".`,
		});
	}
	return value as Variant;
}

function runIdOf(context: IExecuteSingleFunctions): string {
	return String(context.getNodeParameter('runId', '') ?? '').trim();
}

/** preSend: ?runId=&model=sora-2&variant= (the run ID must be set and is trimmed, the variant one of the three). */
export async function setVideoContentQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const runId = requireText(this, this.getNodeParameter('runId', ''), 'Run ID').trim();
	const variant = variantOf(this);
	requestOptions.qs = { ...(requestOptions.qs ?? {}), runId, model: CONTENT_MODEL, variant };
	return requestOptions;
}

/** postReceive (before the generic error handling) of Video > Get Content: a 404 names the run ID it looked for. */
export async function explainUnknownContent(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode !== 404) return items;
	const details = parseNanoGptError(response.statusCode, response.body, response.headers, await credentialSecrets(this));
	throw unknownVideoError(this, details, runIdOf(this));
}

function objectOf(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The link of a JSON answer: url, videoUrl, contentUrl, thumbnailUrl... at the top or under data/output. */
function linkOf(answer: IDataObject): string | undefined {
	const places = [answer, objectOf(answer.data), objectOf(answer.output), objectOf(objectOf(answer.data)?.output)];
	for (const place of places) {
		if (!place) continue;
		const candidates = [place.url, place.videoUrl, place.video_url, place.contentUrl, place.content_url, place.thumbnailUrl, place.spritesheetUrl, objectOf(place.video)?.url];
		const found = candidates.find((candidate) => typeof candidate === 'string' && /^https?:\/\//i.test(candidate.trim()));
		if (typeof found === 'string') return found.trim();
	}
	return undefined;
}

/**
 * postReceive of Video > Get Content: the file as an n8n binary. NanoGPT proxies the bytes (stored as they are,
 * their type from the answer or their first bytes); a JSON answer with a link is downloaded, streamed, without the key.
 */
export async function videoContentToBinary(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const runId = runIdOf(this);
	const variant = variantOf(this);
	const kind = VARIANTS[variant];
	const property = String(this.getNodeParameter('outputBinaryPropertyName', 'data') ?? '').trim() || 'data';
	const bytes = bytesOfBody(response.body);
	const answer = jsonAnswerOf(response, bytes, 'video', 'empty');
	const baseName = variant === 'video' ? runId : `${runId}-${variant}`;
	let binary: IBinaryData;
	let link: string | undefined;
	if (answer) {
		link = linkOf(answer);
		if (!link) {
			throw withJobId(
				new NodeOperationError(this.getNode(), `NanoGPT answered without the ${variant} of run ${runId}`, {
					description: `The answer was ${quoteAnswer(answer, await credentialSecrets(this), 300)}. Check with Video > Get Status that the video is completed (Get Content serves Sora 2 videos only).`,
				}),
				runId,
			);
		}
		binary = await downloadToBinary(this, link, {
			what: variant,
			timeoutMs: Math.max(readRequestSettings(this).timeoutMs, MIN_DOWNLOAD_TIMEOUT_MS),
			expect: kind.expect,
			baseName: baseNameOf(link, baseName),
			fallbackMimeType: kind.fallbackMimeType,
		});
	} else {
		if (bytes.length === 0) {
			throw withJobId(
				new NodeOperationError(this.getNode(), `NanoGPT returned an empty ${variant} for run ${runId}`, {
					description: 'Check with Video > Get Status that the video is completed, then run the node again.',
				}),
				runId,
			);
		}
		const declared = headerValue(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
		const sniffed = sniffMimeType(bytes);
		const declaredKind = declared?.split('/')[0];
		if (declaredKind !== kind.expect && !sniffed?.startsWith(kind.expect) && declaredKind !== 'application' && declared !== undefined) {
			throw withJobId(
				new NodeOperationError(this.getNode(), `NanoGPT did not return a ${kind.expect} file for the ${variant} of run ${runId}`, {
					description: `The answer was ${declared} (${bytes.length} bytes). Check with Video > Get Status that the video is completed.`,
				}),
				runId,
			);
		}
		binary = await toBinary(this, bytes, {
			baseName: baseName.replace(/[^\w.-]+/g, '_') || 'video',
			mimeType: headerValue(response.headers, 'content-type'),
			fallbackMimeType: kind.fallbackMimeType,
		});
	}
	const json: IDataObject = {
		runId,
		model: CONTENT_MODEL,
		variant,
		mimeType: binary.mimeType,
		fileName: binary.fileName ?? null,
		...(answer ? {} : { fileSize: bytes.length }),
		...(link ? { url: link } : {}),
	};
	return [{ json, binary: { [property]: binary } }];
}

export const getContentFields: INodeProperties[] = [
	{
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. vid_m1abc123def456',
		description: 'The run ID of a finished Sora 2 video (the "runId" or "requestId" of Video > Generate)',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'runId' } },
	},
	{
		displayName: 'Variant',
		name: 'contentVariant',
		type: 'options',
		default: 'video',
		description: 'Which file of the run to get',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'variant' } },
		options: [
			{ name: 'Video', value: 'video', description: 'The video (MP4)' },
			{ name: 'Thumbnail', value: 'thumbnail', description: 'A still image of the video' },
			{ name: 'Spritesheet', value: 'spritesheet', description: 'An image of frames from the video' },
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show },
	},
];
