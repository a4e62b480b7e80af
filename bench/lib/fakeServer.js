'use strict';
// A NanoGPT-compatible HTTP server for the benchmark, on 127.0.0.1, run in its own process so that its CPU
// and memory never count towards the node's. Configurable latency and a sliding-window rate limit like
// NanoGPT's 25 requests per second (429 with Retry-After beyond it). Control routes: POST /__configure
// (JSON settings), GET /__stats, POST /__reset.
const http = require('node:http');

const settings = {
	latencyMs: 0,
	/** Requests allowed per window; 0 = no limit. */
	rateLimit: 0,
	rateWindowMs: 1000,
	retryAfterSeconds: 1,
	videoBytes: 50 * 1024 * 1024,
	/** Size of a direct speech answer (POST /v1/audio/speech). */
	speechBytes: 1024,
};
let stats;
let accepted;

function reset() {
	stats = { requests: 0, ok: 0, rateLimited: 0, uploadBytes: 0, firstAcceptedAt: 0, lastAcceptedAt: 0 };
	accepted = [];
}
reset();

/** True when this request is over the rate limit: more than `rateLimit` accepted in the last window. */
function overLimit(now) {
	if (!settings.rateLimit) return false;
	while (accepted.length && accepted[0] <= now - settings.rateWindowMs) accepted.shift();
	if (accepted.length >= settings.rateLimit) return true;
	accepted.push(now);
	return false;
}

const CHAT_BODY = JSON.stringify({
	id: 'chatcmpl-bench',
	object: 'chat.completion',
	created: 1763800000,
	model: 'openai/gpt-5.2',
	choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from NanoGPT' }, finish_reason: 'stop' }],
	usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 },
	x_nanogpt_pricing: { cost: 0.000213, currency: 'USD', paymentSource: 'USD', inputTokens: 21, outputTokens: 9 },
});

function sendJson(res, status, body, headers = {}) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

function later(ms, fn) {
	if (ms > 0) setTimeout(fn, ms);
	else fn();
}

const RESPONSES_BODY = JSON.stringify({
	id: 'resp_bench',
	object: 'response',
	created_at: 1763800000,
	status: 'completed',
	model: 'openai/gpt-5.2',
	output: [
		{
			type: 'message',
			id: 'msg_bench',
			status: 'completed',
			role: 'assistant',
			content: [{ type: 'output_text', text: 'Hello from NanoGPT', annotations: [] }],
		},
	],
	usage: { input_tokens: 21, output_tokens: 9, total_tokens: 30 },
});

const MP4_HEADER = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 0, 0]);
const MP3_HEADER = Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1');

/** Streams `total` bytes of a file that starts with `header`, without holding it in memory. */
function sendFile(res, total, contentType = 'video/mp4', header = MP4_HEADER) {
	const chunk = Buffer.alloc(1024 * 1024, 0x2a);
	res.writeHead(200, { 'content-type': contentType, 'content-length': total });
	let sent = 0;
	const pump = () => {
		while (sent < total) {
			let piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
			if (sent === 0) piece = Buffer.concat([header, piece.subarray(header.length)]);
			sent += piece.length;
			if (!res.write(piece)) return res.once('drain', pump);
		}
		res.end();
	};
	pump();
}

function route(req, res, body, bytes) {
	const url = new URL(req.url, 'http://127.0.0.1');
	const key = `${req.method} ${url.pathname.replace(/^\/api/, '')}`;
	if (key === 'POST /__configure') {
		Object.assign(settings, JSON.parse(body.toString() || '{}'));
		reset();
		return sendJson(res, 200, settings);
	}
	if (key === 'GET /__stats') return sendJson(res, 200, stats);
	if (key === 'POST /__reset') {
		reset();
		return sendJson(res, 200, stats);
	}
	stats.requests++;
	const now = Date.now();
	if (overLimit(now)) {
		stats.rateLimited++;
		return sendJson(
			res,
			429,
			{ error: { message: 'Rate limit exceeded', type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
			{ 'retry-after': String(settings.retryAfterSeconds) },
		);
	}
	stats.ok++;
	stats.firstAcceptedAt ||= now;
	stats.lastAcceptedAt = now;
	const port = req.socket.localPort;
	later(settings.latencyMs, () => {
		switch (key) {
			case 'POST /v1/chat/completions':
				return sendJson(res, 200, CHAT_BODY);
			case 'POST /v1/audio/transcriptions':
			case 'POST /transcribe':
				stats.uploadBytes += bytes;
				return sendJson(res, 200, { text: 'Hello from the recording', transcription: 'Hello from the recording', language: 'en', duration: 1562.4 });
			case 'POST /generate-video':
				return sendJson(res, 202, { runId: 'vid_bench', id: 'vid_bench', status: 'pending', model: 'veo3-video', cost: 0.5, paymentSource: 'USD' });
			case 'GET /video/status':
			case 'GET /generate-video/status': {
				const videoUrl = `http://127.0.0.1:${port}/files/video.mp4`;
				return sendJson(res, 200, {
					requestId: 'vid_bench',
					status: 'completed',
					videoUrl,
					data: { status: 'COMPLETED', requestId: 'vid_bench', output: { video: { url: videoUrl } }, cost: 0.5 },
				});
			}
			case 'GET /files/video.mp4':
				return sendFile(res, settings.videoBytes);
			case 'POST /v1/responses':
				return sendJson(res, 200, RESPONSES_BODY);
			case 'POST /v1/audio/speech':
				return sendFile(res, settings.speechBytes, 'audio/mpeg', MP3_HEADER);
			default:
				return sendJson(res, 404, { error: { message: `No route ${key}`, type: 'not_found_error', code: 'not_found' } });
		}
	});
}

const server = http.createServer((req, res) => {
	// Uploads are counted, not kept, so a 25 MB transcription costs the server nothing.
	const keep = !req.url.includes('transcri');
	const chunks = [];
	let bytes = 0;
	req.on('data', (chunk) => {
		bytes += chunk.length;
		if (keep) chunks.push(chunk);
	});
	req.on('end', () => route(req, res, Buffer.concat(chunks), bytes));
});
server.keepAliveTimeout = 5000;
Object.assign(settings, JSON.parse(process.argv[2] || '{}'));
server.listen(settings.port ?? 0, '127.0.0.1', () => {
	const { port } = server.address();
	if (process.send) process.send({ ready: true, baseUrl: `http://127.0.0.1:${port}/api` });
	else process.stdout.write(`http://127.0.0.1:${port}/api\n`);
});
process.on('disconnect', () => process.exit(0));
