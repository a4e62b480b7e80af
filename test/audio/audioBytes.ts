/** Audio bytes with each format's real header, so MIME handling and byte equality are checked for real. */
export const AUDIO: Record<string, { bytes: Buffer; contentType: string; mimeType: string; extension: string }> = {
	mp3: {
		bytes: Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.from('mp3-frames')]),
		contentType: 'audio/mpeg',
		mimeType: 'audio/mpeg',
		extension: 'mp3',
	},
	wav: {
		bytes: Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt wav-samples')]),
		contentType: 'audio/wav',
		mimeType: 'audio/wav',
		extension: 'wav',
	},
	opus: {
		bytes: Buffer.concat([Buffer.from('OggS'), Buffer.from([0, 2]), Buffer.from('OpusHead opus-packets')]),
		contentType: 'audio/opus',
		mimeType: 'audio/opus',
		extension: 'opus',
	},
	aac: {
		bytes: Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80]), Buffer.from('aac-frames')]),
		contentType: 'audio/aac',
		mimeType: 'audio/aac',
		extension: 'aac',
	},
	flac: {
		bytes: Buffer.concat([Buffer.from('fLaC'), Buffer.from('flac-frames')]),
		contentType: 'audio/flac',
		mimeType: 'audio/flac',
		extension: 'flac',
	},
	pcm: {
		bytes: Buffer.from([0x01, 0x00, 0xff, 0x7f, 0x00, 0x80, 0x10, 0x20]),
		contentType: 'audio/pcm',
		mimeType: 'audio/pcm',
		extension: 'pcm',
	},
};
