import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/** Voices of OpenAI's speech models (tts-1, tts-1-hd, gpt-4o-mini-tts). */
export const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse'];

/** Kokoro-82m voices: the prefix is language and gender (af = American English female, bm = British male...). */
export const KOKORO_VOICES = [
	'af_alloy', 'af_aoede', 'af_bella', 'af_heart', 'af_jessica', 'af_kore', 'af_nicole', 'af_nova', 'af_river',
	'af_sarah', 'af_sky', 'am_adam', 'am_echo', 'am_eric', 'am_fenrir', 'am_liam', 'am_michael', 'am_onyx', 'am_puck',
	'bf_alice', 'bf_emma', 'bf_isabella', 'bf_lily', 'bm_daniel', 'bm_fable', 'bm_george', 'bm_lewis',
	'ef_dora', 'em_alex', 'ff_siwis', 'hf_alpha', 'hf_beta', 'hm_omega', 'hm_psi', 'if_sara', 'im_nicola',
	'jf_alpha', 'jf_gongitsune', 'jf_nezumi', 'jf_tebukuro', 'jm_kumo', 'pf_dora', 'pm_alex',
	'zf_xiaobei', 'zf_xiaoni', 'zf_xiaoxiao', 'zf_xiaoyi', 'zm_yunjian', 'zm_yunxi', 'zm_yunxia', 'zm_yunyang',
];

/** ElevenLabs premade voices, by name. */
export const ELEVENLABS_VOICES = [
	'Adam', 'Alice', 'Antoni', 'Arnold', 'Bill', 'Brian', 'Callum', 'Charlie', 'Charlotte', 'Chris', 'Clyde', 'Daniel',
	'Dave', 'Domi', 'Dorothy', 'Drew', 'Elli', 'Emily', 'Ethan', 'Fin', 'Freya', 'George', 'Gigi', 'Giovanni', 'Glinda',
	'Grace', 'Harry', 'James', 'Jeremy', 'Jessie', 'Joseph', 'Josh', 'Liam', 'Lily', 'Matilda', 'Michael', 'Mimi',
	'Nicole', 'Patrick', 'Paul', 'Rachel', 'Sam', 'Sarah', 'Serena', 'Thomas',
];

export type VoiceFamily = 'openai' | 'kokoro' | 'elevenlabs';

const FAMILY_LABELS: Record<VoiceFamily, string> = { openai: 'OpenAI', kokoro: 'Kokoro', elevenlabs: 'ElevenLabs' };
const FAMILY_VOICES: Record<VoiceFamily, string[]> = {
	openai: OPENAI_VOICES,
	kokoro: KOKORO_VOICES,
	elevenlabs: ELEVENLABS_VOICES,
};

/** Which voice list fits a model ID, or undefined when the model is none of the known families. */
export function voiceFamilyOf(model: string): VoiceFamily | undefined {
	const id = model.toLowerCase();
	if (id.includes('kokoro')) return 'kokoro';
	if (id.includes('elevenlabs') || id.includes('eleven_')) return 'elevenlabs';
	if (/(^|\/)(tts-1|tts-1-hd|gpt-4o(-mini)?-tts)/.test(id) || id.startsWith('openai/')) return 'openai';
	return undefined;
}

const MODEL_DEFAULT: INodePropertyOptions = {
	name: 'Model Default',
	value: '',
	description: 'Send no voice: the model uses its default voice',
};

/** The voice options for a model: its family's voices, or every known voice labelled by family. */
export function voiceOptionsFor(model: string): INodePropertyOptions[] {
	const family = voiceFamilyOf(model);
	if (family) return [MODEL_DEFAULT, ...FAMILY_VOICES[family].map((voice) => ({ name: voice, value: voice }))];
	const all = (Object.keys(FAMILY_VOICES) as VoiceFamily[]).flatMap((known) =>
		FAMILY_VOICES[known].map((voice) => ({ name: `${voice} (${FAMILY_LABELS[known]})`, value: voice })),
	);
	return [MODEL_DEFAULT, ...all];
}

/** loadOptions for Audio > Create Speech > Voice: the voices of the selected model's family. */
export async function getSpeechVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const model = this.getCurrentNodeParameter('model', { extractValue: true });
	return voiceOptionsFor(typeof model === 'string' ? model : '');
}

export const audioLoadOptions = { getSpeechVoices };
