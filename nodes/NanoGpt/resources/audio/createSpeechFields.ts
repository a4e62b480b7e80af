import type { INodeProperties } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { jobWaitOptions } from './jobPolling';
import { SPEECH_DEFAULT_MAX_WAIT_SECONDS } from './speechJob';

const show = { resource: ['audio'], operation: ['createSpeech'] };

export const createSpeechFields: INodeProperties[] = [
	modelLocator('searchSpeechModels', show, 'tts-1'),
	{
		displayName: 'Text',
		name: 'input',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. Welcome to our podcast!',
		description:
			'The text to speak. OpenAI models take up to 4,096 characters, Kokoro and ElevenLabs up to 10,000.',
		displayOptions: { show },
	},
	{
		displayName: 'Voice Name or ID',
		name: 'voice',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getSpeechVoices', loadOptionsDependsOn: ['model.value'] },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list shows the voices of the selected model family (OpenAI, Kokoro, ElevenLabs). Any other voice can be sent by expression.',
		displayOptions: { show },
	},
	{
		displayName: 'Response Format',
		name: 'responseFormat',
		type: 'options',
		default: 'mp3',
		description: 'Audio format to ask for. OpenAI models support all of them; ElevenLabs always answers MP3.',
		displayOptions: { show },
		options: [
			{ name: 'AAC', value: 'aac' },
			{ name: 'FLAC', value: 'flac' },
			{ name: 'MP3', value: 'mp3' },
			{ name: 'Opus', value: 'opus' },
			{ name: 'PCM', value: 'pcm', description: 'Raw 16-bit samples without a header' },
			{ name: 'WAV', value: 'wav' },
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyOutput',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the audio in',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Additional Body Fields',
				name: 'additionalFields',
				type: 'json',
				default: '{\n  "stability": 0.5\n}',
				description:
					'Model-specific fields sent as they are, for example stability, similarity_boost and style (ElevenLabs) or language (Qwen). Fields the node sets from its own parameters (model, input, voice, response_format, speed, instructions) are refused: use those parameters.',
			},
			{
				displayName: 'Instructions',
				name: 'instructions',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. Speak calmly, like a narrator',
				description: 'How the voice should sound (gpt-4o-mini-tts and tts-1-hd)',
			},
			...jobWaitOptions(SPEECH_DEFAULT_MAX_WAIT_SECONDS),
			{
				displayName: 'Request Mode',
				name: 'requestMode',
				type: 'options',
				default: 'direct',
				description: 'Which NanoGPT route generates the speech',
				options: [
					{
						name: 'Direct',
						value: 'direct',
						description:
							'OpenAI-compatible /v1/audio/speech: answers with the audio (background jobs are followed if NanoGPT starts one)',
					},
					{
						name: 'Background Job',
						value: 'job',
						description:
							'NanoGPT /tts: for slow models (ElevenLabs, music); the node polls the job until the audio is ready',
					},
				],
			},
			{
				displayName: 'Speed',
				name: 'speed',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 0.1, maxValue: 5, numberPrecision: 2 },
				description: 'Speaking speed from 0.1 to 5 (not supported by gpt-4o-mini-tts)',
			},
		],
	},
];
