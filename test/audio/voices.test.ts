import { useFakeNanoGpt } from '../helpers/server';
import { loadOptions } from '../image/loadOptions';

const server = useFakeNanoGpt();

function voicesFor(model: string) {
	return loadOptions('getSpeechVoices', {
		baseUrl: server.baseUrl,
		path: 'parameters.voice',
		parameters: { resource: 'audio', operation: 'createSpeech', model: { __rl: true, mode: 'list', value: model } },
	});
}

test('offers the OpenAI voices for OpenAI speech models', async () => {
	const values = (await voicesFor('gpt-4o-mini-tts')).map((option) => option.value);
	expect(values).toEqual(['', 'alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse']);
});

test('offers Kokoro voices for Kokoro-82m', async () => {
	const values = (await voicesFor('Kokoro-82m')).map((option) => option.value);
	expect(values).toEqual(expect.arrayContaining(['af_bella', 'am_adam', 'bf_emma', 'jf_alpha', 'zf_xiaoxiao', 'ff_siwis', 'im_nicola']));
	expect(values).not.toContain('alloy');
});

test('offers ElevenLabs voice names for ElevenLabs models', async () => {
	const values = (await voicesFor('Elevenlabs-Turbo-V2.5')).map((option) => option.value);
	expect(values).toEqual(expect.arrayContaining(['Rachel', 'Adam']));
	expect(values).not.toContain('af_bella');
});

test('offers every known voice, labelled by family, for other models', async () => {
	const options = await voicesFor('Minimax-Speech-02-HD');
	expect(options[0]).toMatchObject({ name: 'Model Default', value: '' });
	expect(options.map((option) => option.name)).toEqual(expect.arrayContaining(['alloy (OpenAI)', 'af_bella (Kokoro)', 'Rachel (ElevenLabs)']));
	expect(server.requests).toHaveLength(0);
});
