import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { outputBinaryField } from './videoOutput';

/**
 * Wait for Completion, Check Every, Max Wait, Download Video and the output field of the operations that submit
 * a video (Generate, Extend): the same parameters, read by the same waiting code (generateOutput.ts).
 */
export function videoWaitFields(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until the video is ready (checking its status regularly). Otherwise the node returns the request ID at once; check it later with Video > Get Status.',
			displayOptions: { show },
		},
		{
			displayName: 'Check Every (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 1 },
			description: 'How often to ask NanoGPT whether the video is ready',
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			default: 600,
			typeOptions: { minValue: 1 },
			description:
				'How long to wait for the video at most. When it takes longer the node fails with a message; the video keeps generating and can be fetched with Video > Get Status.',
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
		},
		{
			displayName: 'Download Video',
			name: 'downloadVideo',
			type: 'boolean',
			default: true,
			description: 'Whether to download the finished video into a binary field (NanoGPT links expire after about an hour)',
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
		},
		outputBinaryField({ ...show, waitForCompletion: [true], downloadVideo: [true] }),
	];
}
