'use strict';
/**
 * The fake NanoGPT's further video and voice endpoints, in the shapes of NanoGPT's OpenAPI spec: Sora 2 content
 * (the file's bytes), Midjourney extension (a 202 ticket that the unified status route then completes), recent runs,
 * and MiniMax / Qwen voice cloning (a 202 ticket, completed at the first status check).
 */

/** A tiny WebP picture (RIFF....WEBP): enough for MIME sniffing, used for thumbnails and spritesheets. */
const WEBP_BYTES = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'latin1'), Buffer.alloc(64, 7)]);

function mediaRoutes(server, mp4Bytes) {
	return {
		'GET /generate-video/content': (request) =>
			request.query.variant === 'thumbnail' || request.query.variant === 'spritesheet'
				? { headers: { 'content-type': 'image/webp' }, body: WEBP_BYTES }
				: { headers: { 'content-type': 'video/mp4' }, body: mp4Bytes },
		'POST /generate-video/extend': () => ({
			status: 202,
			json: { runId: 'vid_e2e_ext', id: 'vid_e2e_ext', status: 'pending', model: 'midjourney-video', cost: 0.3, paymentSource: 'USD', remainingBalance: 128.7 },
		}),
		'GET /generate-video/recover': (request) => ({
			json: {
				runs: [
					{ runId: 'vid_e2e_1', model: 'sora-2', status: 'completed', videoUrl: `${server.origin}/files/video.mp4`, createdAt: '2026-12-05T09:00:00.000Z' },
					{ runId: 'vid_e2e_2', model: 'veo3-video', status: 'processing', createdAt: '2026-12-05T09:10:00.000Z' },
				].slice(0, Number(request.query.limit || 10)),
			},
		}),
		'POST /voice-clone/minimax': () => ({
			status: 202,
			json: { runId: 'vc_e2e_minimax', status: 'pending', model: 'minimax-voice-clone', cost: 1.5, paymentSource: 'USD', isApiRequest: true },
		}),
		'POST /voice-clone/minimax/status': (request) => ({
			json: {
				status: 'completed',
				audioUrls: [`${server.origin}/files/speech.mp3`],
				metadata: { customVoiceId: 'NarratorVoice01', runId: request.json && request.json.runId },
			},
		}),
		'POST /voice-clone/qwen': () => ({
			status: 202,
			json: { runId: 'vc_e2e_qwen', status: 'pending', model: 'qwen-voice-clone', cost: 0.8, paymentSource: 'USD', isApiRequest: true },
		}),
		'POST /voice-clone/qwen/status': () => ({
			json: { status: 'completed', speakerEmbeddingUrl: `${server.origin}/files/speaker.pt`, metadata: { voiceId: 'qwen-voice-e2e' } },
		}),
	};
}

module.exports = { mediaRoutes, WEBP_BYTES };
