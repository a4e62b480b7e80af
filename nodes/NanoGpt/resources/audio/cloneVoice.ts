import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteAnswer, redactSecrets, withJobId } from '../../../shared/errors';
import { readCheckedBinary, type BinaryRule } from '../../shared/binary';
import { sniffMimeType } from '../../shared/media';
import { checkNumberInRange, optionalText, requireText, requireUrl, textParameter } from '../../shared/parameters';
import { pollUntilDone } from '../../shared/polling';
import { credentialSecrets } from '../../shared/secrets';
import { fetchJobStatus, isCompletedStatus, isFailedStatus, jobWaitOptions, pickDefined, readJobSettings, waitsForJobs } from './jobPolling';

const show = { resource: ['audio'], operation: ['cloneVoice'] };

export const CLONE_DEFAULT_MAX_WAIT_SECONDS = 300;

type Provider = 'minimax' | 'qwen';

/** The formats each provider documents for the reference audio, as the node's sniffing names them. */
const PROVIDER_FORMATS: Record<Provider, { types: string[]; words: string }> = {
	minimax: { types: ['audio/mpeg', 'audio/mp4', 'audio/wav'], words: 'MP3, M4A or WAV' },
	qwen: { types: ['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/mp4', 'audio/aac'], words: 'MP3, OGG, WAV, M4A or AAC' },
};

const PROVIDER_NAMES: Record<Provider, string> = { minimax: 'MiniMax', qwen: 'Qwen' };

/** MiniMax's rule for a custom voice ID, from the spec: a letter, then at least 7 letters or digits. */
const CUSTOM_VOICE_ID = /^[A-Za-z][A-Za-z0-9]{7,}$/;

/**
 * NanoGPT documents no upload limit for voice cloning (it answers 413 when the audio is too large); uploads above
 * 25 MB, the limit of the transcription upload, are refused before they are sent. A reference clip is short.
 */
export const MAX_CLONE_UPLOAD_BYTES = 25_000_000;

const UPLOAD_RULE: BinaryRule = {
	kind: 'audio',
	maxBytes: MAX_CLONE_UPLOAD_BYTES,
	limitOf: 'the node uploads for voice cloning',
	tooLargeAdvice: 'A reference clip of 10 seconds to a few minutes is enough: shorten the file, or set Audio Source to URL and give a public link.',
};

function providerOf(context: IExecuteSingleFunctions): Provider {
	const value = textParameter(context, context.getNodeParameter('cloneProvider', 'minimax'), 'Provider').trim();
	if (value !== 'minimax' && value !== 'qwen') {
		throw new NodeOperationError(context.getNode(), 'The parameter "Provider" must be minimax or qwen', {
			description: `Received "${value}".`,
		});
	}
	return value;
}

function customVoiceIdOf(context: IExecuteSingleFunctions): string {
	const id = requireText(context, context.getNodeParameter('customVoiceId', ''), 'Custom Voice ID').trim();
	if (!CUSTOM_VOICE_ID.test(id)) {
		throw new NodeOperationError(context.getNode(), 'The parameter "Custom Voice ID" must start with a letter and have at least 8 letters or digits', {
			description: `Received "${id}". MiniMax accepts IDs such as NarratorVoice01: letters and digits only, no spaces, dashes or underscores.`,
		});
	}
	return id;
}

/** The provider's fields with their JSON types (MiniMax: customVoiceId and the options added; Qwen: referenceText). */
function cloneFields(context: IExecuteSingleFunctions, provider: Provider): IDataObject {
	if (provider === 'qwen') {
		const referenceText = optionalText(context, context.getNodeParameter('referenceText', ''), 'Reference Text');
		return referenceText !== '' ? { referenceText } : {};
	}
	const fields: IDataObject = { customVoiceId: customVoiceIdOf(context) };
	const options = context.getNodeParameter('minimaxOptions', {}) as IDataObject;
	const model = optionalText(context, options.voiceCloneModel, 'Voice Clone Model');
	if (model !== '') fields.voiceCloneModel = model;
	if (typeof options.needNoiseReduction === 'boolean') fields.needNoiseReduction = options.needNoiseReduction;
	if (typeof options.needVolumeNormalization === 'boolean') fields.needVolumeNormalization = options.needVolumeNormalization;
	if (options.accuracy !== undefined && options.accuracy !== '') {
		fields.accuracy = checkNumberInRange(context, options.accuracy, 'Accuracy', { min: 0, max: 1 });
	}
	const text = optionalText(context, options.previewText, 'Preview Text');
	if (text !== '') fields.text = text;
	return fields;
}

/** Replaces the JSON body by multipart form data; axios then sets the multipart Content-Type with its boundary. */
function sendAsMultipart(requestOptions: IHttpRequestOptions, form: FormData): void {
	requestOptions.body = form;
	const headers = (requestOptions.headers ?? {}) as IDataObject;
	for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
	requestOptions.headers = headers;
}

/**
 * preSend of Audio > Clone Voice: POST /voice-clone/minimax or /voice-clone/qwen, as JSON {audioUrl, ...fields}
 * (the spec's VoiceClone*JsonRequest) or multipart {audio, ...fields} (VoiceClone*FormRequest) for a binary file.
 * Everything is checked before anything is sent (a clone is billed).
 */
export async function buildCloneVoiceRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const provider = providerOf(this);
	requestOptions.url = `/voice-clone/${provider}`;
	const fields = cloneFields(this, provider);
	if (waitsForJobs(this)) readJobSettings(this, CLONE_DEFAULT_MAX_WAIT_SECONDS);
	const source = textParameter(this, this.getNodeParameter('audioSource', 'binary'), 'Audio Source');
	if (source === 'url') {
		requestOptions.body = { audioUrl: requireUrl(this, this.getNodeParameter('audioUrl', ''), 'Audio URL'), ...fields };
		return requestOptions;
	}
	const file = await readCheckedBinary(this, this.getNodeParameter('binaryPropertyName', 'data'), 'Input Binary Field', UPLOAD_RULE);
	const sniffedFamily = sniffMimeType(file.buffer) ?? file.mimeType.split(';')[0].trim().toLowerCase();
	const formats = PROVIDER_FORMATS[provider];
	const accepted = formats.types.some((type) => sniffedFamily === type || (type === 'audio/mp4' && sniffedFamily === 'video/mp4'));
	if (!accepted) {
		throw new NodeOperationError(
			this.getNode(),
			`${PROVIDER_NAMES[provider]} voice cloning takes ${formats.words} audio, not ${sniffedFamily} (parameter "Input Binary Field")`,
			{ description: `The file is "${file.fileName}". Convert it first (for example to MP3 or WAV), or choose the other provider.` },
		);
	}
	const form = new FormData();
	form.append('audio', new Blob([file.buffer], { type: file.mimeType }), file.fileName.trim() !== '' ? file.fileName : 'audio');
	for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
	sendAsMultipart(requestOptions, form);
	return requestOptions;
}

function providerOfRequest(context: IExecuteSingleFunctions): Provider {
	return String(context.getNodeParameter('cloneProvider', 'minimax')).trim() === 'qwen' ? 'qwen' : 'minimax';
}

/** Polls POST /voice-clone/<provider>/status {runId, cost?, paymentSource?, isApiRequest} until completed or failed. */
async function waitForClone(context: IExecuteSingleFunctions, provider: Provider, ticket: IDataObject): Promise<IDataObject> {
	const settings = readJobSettings(context, CLONE_DEFAULT_MAX_WAIT_SECONDS);
	const secrets = await credentialSecrets(context);
	const runId = String(ticket.runId);
	const body: IDataObject = { runId, ...pickDefined(ticket, ['cost', 'paymentSource']), isApiRequest: true };
	return await pollUntilDone(context, {
		intervalMs: settings.intervalMs,
		maxWaitMs: settings.maxWaitMs,
		what: 'voice clone job',
		jobId: runId,
		checkLater: 'ask NanoGPT about the job later',
		check: async () => {
			const status = await fetchJobStatus(context, { method: 'POST', url: `/voice-clone/${provider}/status`, body });
			if (!status) return { done: false };
			if (isFailedStatus(status.status)) throw cloneFailed(context, runId, status, secrets);
			return isCompletedStatus(status.status) ? { done: true, value: status } : { done: false };
		},
	});
}

function cloneFailed(context: IExecuteSingleFunctions, runId: string, status: IDataObject, secrets: string[]): NodeOperationError {
	const reason = typeof status.error === 'string' && status.error !== '' ? status.error : 'no reason given';
	return withJobId(
		new NodeOperationError(context.getNode(), `NanoGPT could not clone the voice: ${redactSecrets(reason, secrets)}`, {
			description: `Job ${runId} ended with status "${redactSecrets(String(status.status), secrets)}". Use a clean recording of one speaker (10 seconds or more) and check the Custom Voice ID is not taken.`,
		}),
		runId,
	);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The voice to give Create Speech's Voice: MiniMax's custom voice ID (as NanoGPT reports it, else the one chosen).
 * Qwen answers with a speaker embedding file instead (Qwen-3-TTS-1.7B takes it as speaker_voice_embedding_file_url,
 * output as speakerEmbeddingUrl); its voiceId is only set when NanoGPT reports one.
 */
function voiceIdOf(context: IExecuteSingleFunctions, provider: Provider, status: IDataObject): string | null {
	const metadata = (status.metadata && typeof status.metadata === 'object' ? status.metadata : {}) as IDataObject;
	const reported = text(status.voiceId) ?? text(metadata.voiceId) ?? text(metadata.voice_id) ?? text(metadata.customVoiceId);
	if (provider === 'minimax') return reported ?? String(context.getNodeParameter('customVoiceId', '')).trim();
	return reported ?? null;
}

/**
 * postReceive of Audio > Clone Voice: the job ticket (runId) when not waiting; otherwise waits for the job and
 * outputs the voice ID that Create Speech's Voice takes, with MiniMax's preview audio links or Qwen's speaker
 * embedding URL and NanoGPT's metadata.
 */
export async function finishVoiceClone(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const provider = providerOfRequest(this);
	const ticket = response.body as IDataObject;
	const runId = text(ticket.runId);
	const secrets = await credentialSecrets(this);
	if (isFailedStatus(ticket.status)) throw cloneFailed(this, runId ?? 'without ID', ticket, secrets);
	let status = ticket;
	if (!isCompletedStatus(ticket.status)) {
		if (!runId) {
			throw new NodeOperationError(this.getNode(), 'NanoGPT accepted the voice clone but returned no run ID', {
				description: `The answer was ${quoteAnswer(ticket, secrets, 300)}. Check your account on nano-gpt.com before running the node again (a clone is billed).`,
			});
		}
		if (!waitsForJobs(this)) {
			return [{ json: { state: 'pending', provider, ...(provider === 'minimax' ? { voiceId: voiceIdOf(this, provider, {}) } : {}), ...ticket } }];
		}
		status = await waitForClone(this, provider, { ...ticket, runId });
	}
	const json: IDataObject = {
		voiceId: voiceIdOf(this, provider, status),
		provider,
		state: 'completed',
		runId: runId ?? null,
		model: ticket.model ?? null,
		...pickDefined(ticket, ['cost', 'paymentSource']),
		...pickDefined(status, ['audioUrls', 'speakerEmbeddingUrl', 'metadata']),
	};
	return [{ json }];
}

export const cloneVoiceFields: INodeProperties[] = [
	{
		displayName: 'Provider',
		name: 'cloneProvider',
		type: 'options',
		default: 'minimax',
		description: 'Which voice cloning service to use',
		displayOptions: { show },
		options: [
			{ name: 'MiniMax', value: 'minimax', description: 'You choose the voice ID; MP3, M4A or WAV reference audio' },
			{ name: 'Qwen', value: 'qwen', description: 'Qwen 1.7B; MP3, OGG, WAV, M4A or AAC reference audio' },
		],
	},
	{
		displayName: 'Audio Source',
		name: 'audioSource',
		type: 'options',
		default: 'binary',
		description: 'Where the reference recording of the voice comes from',
		displayOptions: { show },
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A binary field of the input item, uploaded to NanoGPT' },
			{ name: 'URL', value: 'url', description: 'A public link to the recording' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the recording',
		displayOptions: { show: { ...show, audioSource: ['binary'] } },
	},
	{
		displayName: 'Audio URL',
		name: 'audioUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/my-voice.mp3',
		displayOptions: { show: { ...show, audioSource: ['url'] } },
	},
	{
		displayName: 'Custom Voice ID',
		name: 'customVoiceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. NarratorVoice01',
		description: 'The ID the cloned voice gets (a letter, then at least 7 letters or digits). Use it as the Voice of Audio > Create Speech.',
		displayOptions: { show: { ...show, cloneProvider: ['minimax'] } },
	},
	{
		displayName: 'Reference Text',
		name: 'referenceText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'What is said in the recording (optional; can improve the clone)',
		displayOptions: { show: { ...show, cloneProvider: ['qwen'] } },
	},
	{
		displayName: 'MiniMax Options',
		name: 'minimaxOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Only the options you add are sent',
		displayOptions: { show: { ...show, cloneProvider: ['minimax'] } },
		options: [
			{
				displayName: 'Accuracy',
				name: 'accuracy',
				type: 'number',
				default: 0.7,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				description: 'Threshold (0 to 1) for checking the recording against its text',
			},
			{
				displayName: 'Noise Reduction',
				name: 'needNoiseReduction',
				type: 'boolean',
				default: false,
				description: 'Whether to reduce noise in the recording first',
			},
			{
				displayName: 'Preview Text',
				name: 'previewText',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'A text read in the cloned voice as a preview (its link is in the output\'s audioUrls)',
			},
			{
				displayName: 'Voice Clone Model',
				name: 'voiceCloneModel',
				type: 'string',
				default: '',
				description: 'A MiniMax clone model variant; leave empty for the default',
			},
			{
				displayName: 'Volume Normalization',
				name: 'needVolumeNormalization',
				type: 'boolean',
				default: false,
				description: 'Whether to even out the volume of the recording first',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: jobWaitOptions(CLONE_DEFAULT_MAX_WAIT_SECONDS),
	},
];
