import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { buildCloneVoiceRequest, cloneVoiceFields, finishVoiceClone } from './cloneVoice';
import { buildCreateSpeechBody } from './createSpeechBody';
import { createSpeechFields } from './createSpeechFields';
import { createTranscriptionFields } from './createTranscriptionFields';
import { buildSpeechJobQuery, buildTranscriptionJobBody, getJobFields, outputSpeechJob, outputTranscriptionJob } from './getJob';
import { speechToBinary } from './speechOutput';
import { TRANSCRIPTION_URL, buildTranscriptionBody } from './transcriptionBody';
import { transcriptionToItem } from './transcriptionOutput';

export const audioOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['audio'] } },
	default: 'createSpeech',
	options: [
		{
			name: 'Clone Voice',
			value: 'cloneVoice',
			action: 'Clone a voice',
			description: 'Clone a voice from a recording (MiniMax or Qwen) and get a voice ID for Create Speech',
			routing: operationRouting({ method: 'POST', url: '/voice-clone/minimax' }, [buildCloneVoiceRequest], {
				postReceive: [finishVoiceClone],
			}),
		},
		{
			name: 'Create Speech',
			value: 'createSpeech',
			action: 'Create speech from text',
			description: 'Turn text into an audio file (text to speech)',
			routing: operationRouting(
				{
					method: 'POST',
					url: '/v1/audio/speech',
					// Audio answers stream into n8n's binary storage; JSON answers (tickets, links) and errors are read whole.
					encoding: 'stream',
					headers: { Accept: 'audio/*, application/json' },
				},
				[buildCreateSpeechBody],
				{ jsonBody: false, postReceive: [speechToBinary] },
			),
		},
		{
			name: 'Create Transcription',
			value: 'createTranscription',
			action: 'Create a transcription of audio',
			description: 'Turn speech in an audio file into text (speech to text)',
			routing: operationRouting({ method: 'POST', url: TRANSCRIPTION_URL }, [buildTranscriptionBody], {
				postReceive: [transcriptionToItem],
			}),
		},
		{
			name: 'Get Speech Job',
			value: 'getSpeechJob',
			action: 'Get a speech job',
			description: 'Check a background speech job by its run ID; download the audio when it is completed',
			routing: operationRouting({ method: 'GET', url: '/tts/status' }, [buildSpeechJobQuery], {
				postReceive: [outputSpeechJob],
			}),
		},
		{
			name: 'Get Transcription Job',
			value: 'getTranscriptionJob',
			action: 'Get a transcription job',
			description: 'Check a background transcription job by its run ID; the transcription when it is completed',
			routing: operationRouting({ method: 'POST', url: '/transcribe/status' }, [buildTranscriptionJobBody], {
				postReceive: [outputTranscriptionJob],
			}),
		},
	],
};

export const audioDescription: INodeProperties[] = [
	audioOperations,
	...cloneVoiceFields,
	...createSpeechFields,
	...createTranscriptionFields,
	...getJobFields,
];
