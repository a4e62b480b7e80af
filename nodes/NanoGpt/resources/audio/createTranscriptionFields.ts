import type { INodeProperties } from 'n8n-workflow';

import { modelLocator, simplifyField } from '../../shared/descriptions';
import { jobWaitOptions } from './jobPolling';
import { TRANSCRIPTION_LANGUAGES } from './languages';
import { TRANSCRIPTION_DEFAULT_MAX_WAIT_SECONDS } from './transcriptionJob';

const show = { resource: ['audio'], operation: ['createTranscription'] };

export const createTranscriptionFields: INodeProperties[] = [
	modelLocator('searchTranscriptionModels', show, 'Whisper-Large-V3'),
	{
		displayName: 'Audio Source',
		name: 'audioSource',
		type: 'options',
		default: 'binary',
		displayOptions: { show },
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A binary field of the input item, uploaded to NanoGPT (at most 25 MB; 3 MB with speaker diarization)',
			},
			{ name: 'URL', value: 'url', description: 'A public link to the file (up to 500 MB)' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the audio',
		description: 'MP3, OGG, WAV, M4A or AAC; video files (MP4, MOV, WEBM...) for video-capable models',
		displayOptions: { show: { ...show, audioSource: ['binary'] } },
	},
	{
		displayName: 'Audio URL',
		name: 'audioUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/meeting.mp3',
		displayOptions: { show: { ...show, audioSource: ['url'] } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		default: 'auto',
		description: 'The spoken language. Naming it can improve accuracy; Auto-Detect lets the model decide.',
		displayOptions: { show },
		options: TRANSCRIPTION_LANGUAGES,
	},
	{
		displayName: 'Speaker Diarization',
		name: 'diarize',
		type: 'boolean',
		default: false,
		description:
			'Whether to label who speaks when (ElevenLabs-STT). Uses NanoGPT\'s background transcription job; the node waits for it.',
		displayOptions: { show },
	},
	simplifyField(show, 'the text, language, duration, segments and words'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			...jobWaitOptions(TRANSCRIPTION_DEFAULT_MAX_WAIT_SECONDS),
			{
				displayName: 'Tag Audio Events',
				name: 'tagAudioEvents',
				type: 'boolean',
				default: false,
				description: 'Whether to mark sounds such as [laughter] or [applause] (with Speaker Diarization only)',
			},
		],
	},
];
