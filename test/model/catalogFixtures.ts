/** Small catalogues of every kind, shaped after NanoGPT's *-models docs. */

export const imageCatalog = {
	object: 'list',
	data: [
		{
			id: 'hidream',
			name: 'HiDream',
			description: 'Open image model',
			pricing: { per_image: { '1024*1024': 0.01, '512*512': 0.0075 }, currency: 'USD' },
			capabilities: { image_generation: true, image_to_image: false },
			supported_parameters: { resolutions: ['1024*1024', '512*512'], max_images: 4 },
			category: 'image',
		},
		{
			id: 'gpt-image-1',
			name: 'GPT Image 1',
			pricing: { per_image: { '1024*1024': 0.042 }, currency: 'USD' },
			capabilities: { image_generation: true, image_to_image: true },
		},
		{ id: 'no-price-yet', name: 'Unpriced Model' },
	],
	meta: { count: 3, generated_at: '2026-11-22T00:00:00.000Z' },
};

export const ttsCatalog = {
	object: 'list',
	data: [
		{ id: 'Kokoro-82m', name: 'Kokoro', pricing: { per_thousand_chars: 0.001 }, capabilities: { text_to_speech: true } },
		{ id: 'Elevenlabs-Turbo-V2.5', name: 'ElevenLabs Turbo', pricing: { per_thousand_chars: 0.06 }, capabilities: { text_to_speech: true } },
	],
};

export const sttCatalog = {
	object: 'list',
	data: [
		{ id: 'Whisper-Large-V3', name: 'Whisper Large V3', pricing: { per_minute: 0.01 }, capabilities: { speech_to_text: true } },
		{ id: 'Wizper', name: 'Wizper', pricing: { per_minute: '0.005' }, capabilities: { speech_to_text: true } },
	],
};

export const videoCatalog = {
	object: 'list',
	data: [
		{
			id: 'veo3-video',
			name: 'Veo 3',
			pricing: { per_second: 0.4 },
			capabilities: { video_generation: true, text_to_video: true, image_to_video: true, audio_generation: true },
			supported_parameters: { duration: ['8'], aspect_ratio: ['16:9', '9:16'] },
		},
		{
			id: 'kling-video-v2',
			name: 'Kling 2',
			pricing: { per_video: { '5': 1.4, '10': 2.8 } },
			capabilities: { video_generation: true, text_to_video: true, image_to_video: true, audio_generation: false },
		},
	],
};

export const embeddingCatalog = {
	object: 'list',
	data: [
		{
			id: 'text-embedding-3-small',
			name: 'Text Embedding 3 Small',
			dimensions: 1536,
			max_dimensions: 1536,
			supports_dimensions: true,
			max_tokens: 8191,
			pricing: { per_million_tokens: 0.02, currency: 'USD' },
		},
		{ id: 'BAAI/bge-m3', name: 'BGE M3', dimensions: 1024, max_tokens: 8192, pricing: { per_million_tokens: 0.01, currency: 'USD' } },
	],
};
