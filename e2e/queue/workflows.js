'use strict';
/**
 * The queue-mode workflows: each starts with a production Webhook (POST /webhook/<path>, answered by the last node)
 * and runs one NanoGPT operation on a worker. Imported active (`import:workflow --activeState=fromJson`).
 */
const crypto = require('node:crypto');

const { EXAMPLE_CREDENTIAL } = require('../../scripts/n8n/examples');

const CREDENTIALS = { nanoGptApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } };
const NANOGPT = 'n8n-nodes-nanogpt.nanoGpt';

const model = (value) => ({ __rl: true, mode: 'id', value });
const uuid = (seed) => {
	const hex = crypto.createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

function webhook(path, responseData, binaryProperty) {
	return {
		id: uuid(`${path}-webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: uuid(`${path}-webhook-id`),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData,
			...(binaryProperty ? { responseBinaryPropertyName: binaryProperty } : {}),
			options: {},
		},
	};
}

function nanoGpt(path, name, parameters, extra = {}) {
	return { id: uuid(`${path}-${name}`), name, type: NANOGPT, typeVersion: 1, position: [220, 0], parameters, credentials: CREDENTIALS, ...extra };
}

function chain(...names) {
	const connections = {};
	for (let index = 0; index < names.length - 1; index++) {
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function workflow(id, name, nodes, connections) {
	return { id, name: `Queue mode: ${name}`, nodes, connections, settings: { executionOrder: 'v1' }, active: true };
}

/** Webhook {prompts: [{prompt}, ...]} -> Split Out -> NanoGPT (errors as items) -> Aggregate: one answer per prompt. */
function batchWorkflow(id, path, name, askParameters) {
	return workflow(
		id,
		name,
		[
			webhook(path, 'firstEntryJson'),
			{ id: uuid(`${path}-split`), name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.prompts', options: {} } },
			nanoGpt(path, 'Ask', askParameters, { position: [440, 0], onError: 'continueRegularOutput' }),
			{ id: uuid(`${path}-aggregate`), name: 'Aggregate', type: 'n8n-nodes-base.aggregate', typeVersion: 1, position: [660, 0], parameters: { aggregate: 'aggregateAllItemData', options: {} } },
		],
		chain('Webhook', 'Split Out', 'Ask', 'Aggregate'),
	);
}

const ASK = { resource: 'text', operation: 'ask', model: model('openai/gpt-4o-mini'), promptMode: 'simple', prompt: '={{ $json.body.prompt }}', options: {} };

/** Max Cost per Run for the spending-cap case: the fake bills 0.000042 per answer, so the cap stops after 3. */
const CAP_USD = 0.0001;

const QUEUE_WORKFLOWS = [
	workflow('queueAsk', 'Text > Ask', [webhook('q-ask', 'firstEntryJson'), nanoGpt('q-ask', 'Ask', ASK)], chain('Webhook', 'Ask')),
	workflow(
		'queueImage',
		'Image > Create (binary)',
		[
			webhook('q-image', 'firstEntryBinary', 'data'),
			nanoGpt('q-image', 'Create Image', {
				resource: 'image',
				operation: 'create',
				model: model('hidream'),
				prompt: '={{ $json.body.prompt }}',
				numberOfImages: 1,
				size: '1024x1024',
				imageOutput: 'binary',
				binaryPropertyOutput: 'data',
				options: {},
			}),
		],
		chain('Webhook', 'Create Image'),
	),
	workflow(
		'queueTranscribe',
		'Audio > Create Transcription of an upload',
		[
			webhook('q-transcribe', 'firstEntryJson'),
			nanoGpt('q-transcribe', 'Transcribe', {
				resource: 'audio',
				operation: 'createTranscription',
				model: model('Whisper-Large-V3'),
				audioSource: 'binary',
				binaryPropertyName: 'data',
				language: 'en',
				simplify: true,
				options: {},
			}),
		],
		chain('Webhook', 'Transcribe'),
	),
	workflow(
		'queueVideo',
		'Video > Generate, wait and download',
		[
			webhook('q-video', 'firstEntryBinary', 'video'),
			nanoGpt('q-video', 'Generate Video', {
				resource: 'video',
				operation: 'generate',
				model: model('veo2-video'),
				prompt: '={{ $json.body.prompt }}',
				imageSource: 'none',
				waitForCompletion: true,
				pollInterval: 1,
				maxWait: 60,
				downloadVideo: true,
				outputBinaryPropertyName: 'video',
				options: {},
			}),
		],
		chain('Webhook', 'Generate Video'),
	),
	workflow(
		'queueSpeech',
		'Audio > Create Speech',
		[
			webhook('q-speech', 'firstEntryBinary', 'audio'),
			nanoGpt('q-speech', 'Create Speech', {
				resource: 'audio',
				operation: 'createSpeech',
				model: model('Kokoro-82m'),
				input: '={{ $json.body.prompt }}',
				voice: 'af_bella',
				responseFormat: 'mp3',
				binaryPropertyOutput: 'audio',
				options: {},
			}),
		],
		chain('Webhook', 'Create Speech'),
	),
	workflow(
		'queueAgent',
		'AI Agent with the NanoGPT Chat Model',
		[
			webhook('q-agent', 'firstEntryJson'),
			{
				id: uuid('q-agent-agent'),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [220, 0],
				parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} },
			},
			{
				id: uuid('q-agent-model'),
				name: 'NanoGPT Chat Model',
				type: 'n8n-nodes-nanogpt.lmChatNanoGpt',
				typeVersion: 1,
				position: [220, 220],
				parameters: { model: model('openai/gpt-4o-mini'), options: {} },
				credentials: CREDENTIALS,
			},
		],
		{
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'NanoGPT Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
		},
	),
	batchWorkflow('queueLoad', 'q-load', 'Text > Ask x N (load)', { ...ASK, prompt: '={{ $json.prompt }}' }),
];

/** The spending-cap case, added when the node has the field (Max Cost per Run). */
function capWorkflow() {
	return batchWorkflow('queueCap', 'q-cap', 'Text > Ask x N with Max Cost per Run', { ...ASK, prompt: '={{ $json.prompt }}', maxCostPerRun: CAP_USD });
}

module.exports = { QUEUE_WORKFLOWS, capWorkflow, CAP_USD };
