/** The response formats of Create Speech and the MIME type each one means. */
export const SPEECH_FORMAT_MIME_TYPES: Record<string, string> = {
	aac: 'audio/aac',
	flac: 'audio/flac',
	mp3: 'audio/mpeg',
	opus: 'audio/opus',
	pcm: 'audio/pcm',
	wav: 'audio/wav',
};
