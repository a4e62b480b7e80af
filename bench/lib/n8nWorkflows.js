'use strict';
// Workflows and credentials of the real-n8n benchmark, as n8n's import commands read them.
const NANOGPT_CREDENTIAL = { id: 'benchNanoGptCred', name: 'NanoGPT bench' };
const OPENAI_CREDENTIAL = { id: 'benchOpenAiCred', name: 'OpenAI bench (loopback)' };
const API_KEY = 'sk-bench-00000000-loopback';

/** The node under test reads this field of each item. */
const PROMPT = '=Summarise row {{ $json.rows }} of the spreadsheet in one sentence.';
const MODEL = 'openai/gpt-5.2';

function credentials(baseUrl) {
	return [
		{ ...NANOGPT_CREDENTIAL, type: 'nanoGptApi', data: { apiKey: API_KEY, baseUrl } },
		// n8n's OpenAI credential with its Base URL at the loopback server, as NanoGPT's n8n guide says.
		{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: API_KEY, url: `${baseUrl}/v1`, header: false } },
	];
}

/** The node under test, by variant. `requestSettings` only applies to this package's node. */
function nodeUnderTest(variant, { requestSettings } = {}) {
	const base = { id: 'bench-node-under-test', name: 'Node under test', position: [660, 0] };
	if (variant === 'ours' || variant === 'oursTextOnly') {
		return {
			...base,
			type: 'n8n-nodes-nanogpt.nanoGpt',
			typeVersion: 1,
			parameters: {
				resource: 'text',
				operation: 'ask',
				model: { __rl: true, mode: 'id', value: MODEL },
				prompt: PROMPT,
				requestSettings: requestSettings ?? {},
			},
			credentials: { nanoGptApi: NANOGPT_CREDENTIAL },
		};
	}
	if (variant === 'openAi18') {
		return {
			...base,
			type: '@n8n/n8n-nodes-langchain.openAi',
			typeVersion: 1.8,
			parameters: {
				resource: 'text',
				operation: 'message',
				modelId: { __rl: true, mode: 'id', value: MODEL },
				messages: { values: [{ content: PROMPT }] },
				options: {},
			},
			credentials: { openAiApi: OPENAI_CREDENTIAL },
		};
	}
	if (variant === 'openAi23') {
		return {
			...base,
			type: '@n8n/n8n-nodes-langchain.openAi',
			typeVersion: 2.3,
			parameters: {
				resource: 'text',
				operation: 'response',
				modelId: { __rl: true, mode: 'id', value: MODEL },
				responses: { values: [{ type: 'text', role: 'user', content: PROMPT }] },
				builtInTools: {},
				options: {},
			},
			credentials: { openAiApi: OPENAI_CREDENTIAL },
		};
	}
	throw new Error(`Unknown variant ${variant}`);
}

function chain(id, name, nodes) {
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

const trigger = () => ({ id: 'bench-trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} });

/** Manual Trigger -> Edit Fields (an array of `count`) -> Split Out -> node under test. */
function itemsWorkflow(id, variant, count, options) {
	return chain(id, `bench ${variant} x${count}`, [
		trigger(),
		{
			id: 'bench-rows',
			name: 'Rows',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				assignments: { assignments: [{ id: 'r1', name: 'rows', type: 'array', value: `={{ Array.from({ length: ${count} }, (_, index) => index) }}` }] },
				options: {},
			},
		},
		{ id: 'bench-split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [440, 0], parameters: { fieldToSplitOut: 'rows', options: {} } },
		nodeUnderTest(variant, options),
	]);
}

function nanoGptNode(parameters) {
	return {
		id: 'bench-node-under-test',
		name: 'Node under test',
		type: 'n8n-nodes-nanogpt.nanoGpt',
		typeVersion: 1,
		position: [440, 0],
		parameters,
		credentials: { nanoGptApi: NANOGPT_CREDENTIAL },
	};
}

/** The large-media workflows: the NanoGPT node downloads or uploads one file. */
function mediaWorkflow(id, kind, { file } = {}) {
	if (kind === 'video') {
		return chain(id, 'bench video download', [
			trigger(),
			nanoGptNode({ resource: 'video', operation: 'getStatus', requestId: 'vid_bench', downloadVideo: true, outputBinaryPropertyName: 'data' }),
		]);
	}
	if (kind === 'speech') {
		return chain(id, 'bench speech answer', [
			trigger(),
			nanoGptNode({
				resource: 'audio',
				operation: 'createSpeech',
				model: { __rl: true, mode: 'id', value: 'tts-1' },
				input: 'The benchmark reads this sentence aloud.',
				voice: 'nova',
				responseFormat: 'mp3',
				binaryPropertyOutput: 'data',
				options: {},
			}),
		]);
	}
	if (kind === 'transcription') {
		return chain(id, 'bench transcription upload', [
			trigger(),
			{
				id: 'bench-read-file',
				name: 'Read File',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1,
				position: [220, 0],
				parameters: { operation: 'read', fileSelector: file, options: { dataPropertyName: 'data' } },
			},
			{
				...nanoGptNode({
					resource: 'audio',
					operation: 'createTranscription',
					model: { __rl: true, mode: 'id', value: 'Whisper-Large-V3' },
					audioSource: 'binary',
					binaryPropertyName: 'data',
					options: {},
				}),
				position: [660, 0],
			},
		]);
	}
	throw new Error(`Unknown media case ${kind}`);
}

module.exports = { credentials, itemsWorkflow, mediaWorkflow, nodeUnderTest };
