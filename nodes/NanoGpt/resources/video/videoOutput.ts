import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readRequestSettings } from '../../shared/requestSettings';
import { downloadVideo } from './videoFile';
import type { VideoStatus } from './videoStatus';

/** The "Put Output File in Field" parameter shown where a video can be downloaded. */
export function outputBinaryField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the video in',
		displayOptions: { show },
	};
}

/** The normalized job state as output JSON (the full status answer stays in "raw"). */
export function statusJson(status: VideoStatus): IDataObject {
	return {
		requestId: status.requestId,
		model: status.model,
		status: status.status,
		done: status.done,
		videoUrl: status.videoUrl,
		progress: status.progress,
		error: status.error,
		cost: status.cost,
		raw: status.raw,
	};
}

/** Adds the downloaded video to an output item as an n8n binary file. */
export async function withVideoFile(
	context: IExecuteSingleFunctions,
	item: INodeExecutionData,
	status: VideoStatus,
): Promise<INodeExecutionData> {
	const property = String(context.getNodeParameter('outputBinaryPropertyName', 'data')).trim() || 'data';
	const binary = await downloadVideo(context, status, readRequestSettings(context).timeoutMs);
	return { ...item, binary: { ...(item.binary ?? {}), [property]: binary } };
}
