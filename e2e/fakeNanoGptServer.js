'use strict';
/**
 * A NanoGPT-compatible HTTP server on 127.0.0.1 for the end-to-end tests: routes under /api, Bearer or x-api-key
 * auth (401 for any other key), NanoGPT's response shapes for every endpoint the node uses, and a record of
 * every request (multipart uploads parsed into `request.form`). Jobs (video, background speech) complete at once.
 * Cases replace single routes with `on(method, path, handler)`. Chat requests with tools get a tool call first;
 * the model ID `demo/unknown-model` is rejected as NanoGPT rejects an unknown model; the audio catalogue honours
 * `?type=tts|stt`.
 * `{ demo: true }` (npm run demo) serves media worth looking at: a coloured PNG and an audible chime (demoMedia.js).
 * Run standalone (`node e2e/fakeNanoGptServer.js [port]`) to point a hand-started n8n at it.
 */
const http = require('node:http');

const { KNOWLEDGE_PUBLIC_ROUTES, knowledgeRoutes } = require('./fakeKnowledgeRoutes');
const { mediaRoutes } = require('./fakeMediaRoutes');
const { parseMultipartForm } = require('./multipartForm');
const { samplePng, chimeWav, chimeMp3 } = require('./demoMedia');

const VALID_KEY = 'sk-nano-00000000-e2e-key-valid';

/** A 1x1 transparent PNG. */
const PNG_1X1 = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);
/** An MP3 frame header behind an ID3 tag: enough for MIME sniffing. */
const MP3_BYTES = Buffer.concat([Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.alloc(2048, 0xff)]);
/** The start of an MP4 file (ftyp box). */
const MP4_BYTES = Buffer.concat([
	Buffer.from([0x00, 0x00, 0x00, 0x18]),
	Buffer.from('ftypisom', 'latin1'),
	Buffer.from([0x00, 0x00, 0x02, 0x00]),
	Buffer.from('isomiso2', 'latin1'),
	Buffer.alloc(4096, 0),
]);

const PRICING = { cost: 0.000042, currency: 'USD', paymentSource: 'USD' };

/** The model ID the fake rejects like NanoGPT rejects a model it does not know. */
const UNKNOWN_MODEL = 'demo/unknown-model';

function unknownModel(model) {
	return {
		status: 400,
		json: {
			error: {
				message: `Model '${model}' not found. Check the model ID or pick a model from the list.`,
				type: 'invalid_request_error',
				param: 'model',
				code: 'model_not_found',
			},
		},
	};
}

/** Routes whose JSON body names a model: the unknown model is rejected there before anything else. */
const MODEL_ROUTES = new Set([
	'POST /v1/chat/completions',
	'POST /v1/completions',
	'POST /v1/images/generations',
	'POST /v1/audio/speech',
	'POST /generate-video',
]);

/** A tool call for the first tool: arithmetic in the prompt goes to a calculator-like tool, else the prompt itself. */
function toolCallFor(body) {
	const tool = body.tools[0].function;
	const prompt = lastUserText(body.messages);
	const arithmetic = /\d[\d.,]*(?:\s*[-+*/x×]\s*\d[\d.,]*)+/.exec(prompt);
	const input = arithmetic ? arithmetic[0].replace(/[x×]/g, '*').replace(/,/g, '') : prompt.slice(0, 200);
	const properties = Object.keys((tool.parameters && tool.parameters.properties) || {});
	const argument = properties.includes('input') || properties.length === 0 ? 'input' : properties[0];
	return { id: 'call_demo_1', type: 'function', function: { name: tool.name, arguments: JSON.stringify({ [argument]: input }) } };
}

/** The answer after a tool ran: says what the tool returned. */
function answerAfterTool(messages) {
	const result = [...messages].reverse().find((message) => message.role === 'tool');
	let value = String(result.content || '');
	try {
		const parsed = JSON.parse(value);
		const first = Array.isArray(parsed) ? parsed[0] : parsed;
		value = first && typeof first === 'object' ? String(Object.values(first)[0]) : String(first);
	} catch {
		// plain text result
	}
	return `The tool worked it out: the answer is ${value}. (Answer of the fake NanoGPT used by the demo.)`;
}

function lastUserText(messages) {
	const user = [...(messages || [])].reverse().find((message) => message.role === 'user');
	if (!user) return '';
	if (typeof user.content === 'string') return user.content;
	return (user.content || []).map((part) => part.text || '').join('');
}

/** The default chat answer: echoes the prompt; JSON formats get a JSON answer. */
function chatAnswer(body) {
	const format = body.response_format && body.response_format.type;
	const prompt = lastUserText(body.messages);
	if (format === 'json_schema' || format === 'json_object') {
		return JSON.stringify({ answer: `Fake answer to: ${prompt.slice(0, 60)}` });
	}
	return `Fake answer to: ${prompt.slice(0, 200)}`;
}

/** Routes of the operations added for issue 15 (providers, account, image edit, Responses, Anthropic Messages). */
function restRoutes() {
	const responseObject = (body, id = 'resp_e2e_1') => ({
		id,
		object: 'response',
		created_at: 1763800000,
		model: body.model || 'openai/gpt-5.2',
		status: 'completed',
		previous_response_id: body.previous_response_id || null,
		output: [
			{
				type: 'message',
				role: 'assistant',
				content: [{ type: 'output_text', text: `Fake response to: ${typeof body.input === 'string' ? body.input : 'messages'}` }],
			},
		],
		usage: { input_tokens: 9, output_tokens: 6, total_tokens: 15 },
		x_nanogpt_pricing: PRICING,
	});
	return {
		'GET /models/deepseek%2Fdeepseek-v3.2/providers': () => ({
			json: {
				canonicalId: 'deepseek/deepseek-v3.2',
				displayName: 'DeepSeek V3.2',
				supportsProviderSelection: true,
				defaultPrice: { inputPer1kTokens: 0.0004, outputPer1kTokens: 0.00175 },
				providers: [
					{ provider: 'deepinfra', pricing: { inputPer1kTokens: 0.0003, outputPer1kTokens: 0.001 }, available: true },
					{ provider: 'novita', pricing: { inputPer1kTokens: 0.0005, outputPer1kTokens: 0.002 }, available: false },
				],
			},
		}),
		'GET /user/provider-preferences': () => ({
			json: { preferredProviders: [], excludedProviders: [], enableFallback: true, modelOverrides: {}, availableProviders: ['deepinfra'] },
		}),
		'PATCH /user/provider-preferences': (request) => ({
			json: { preferredProviders: [], excludedProviders: [], enableFallback: true, modelOverrides: {}, ...(request.json || {}) },
		}),
		'DELETE /user/provider-preferences': () => ({ status: 204 }),
		'GET /v1/usage': (request) => ({
			json: {
				object: 'usage',
				scope: 'current_key',
				apiKey: { id: 123 },
				from: request.query.from || '2026-05-01',
				to: request.query.to || '2026-05-31',
				timezone: 'UTC',
				groupBy: request.query.group_by || 'day,model',
				asOf: '2026-05-31T12:00:00.000Z',
				source: { type: 'aggregate' },
				totals: { requests: 3, costUsd: 0.5, refundedUsd: 0, netCostUsd: 0.5, inputTokens: 300, outputTokens: 120, reasoningTokens: 0, totalTokens: 420 },
				byModel: [
					{ model: 'GPT-5.2', requests: 2, costUsd: 0.4, refundedUsd: 0, netCostUsd: 0.4, inputTokens: 200, outputTokens: 100, reasoningTokens: 0, totalTokens: 300 },
					{ model: 'DeepSeek V3.2', requests: 1, costUsd: 0.1, refundedUsd: 0, netCostUsd: 0.1, inputTokens: 100, outputTokens: 20, reasoningTokens: 0, totalTokens: 120 },
				],
			},
		}),
		'POST /v1/images/edits': (request) => ({
			json: {
				created: 1763800000,
				data: Array.from({ length: (request.json && request.json.n) || 1 }, () => ({ b64_json: PNG_1X1.toString('base64') })),
				cost: 0.04,
				paymentSource: 'USD',
				remainingBalance: 129.4,
			},
		}),
		'POST /v1/responses': (request) => ({
			json: responseObject(request.json || {}, request.json && request.json.previous_response_id ? 'resp_e2e_2' : 'resp_e2e_1'),
		}),
		'GET /v1/responses/resp_e2e_1': () => ({ json: responseObject({ input: 'stored' }) }),
		'POST /v1/messages': (request) => ({
			json: {
				id: 'msg_e2e_1',
				type: 'message',
				role: 'assistant',
				model: request.json && request.json.model,
				content: [{ type: 'text', text: `Fake message answer to: ${lastUserText(request.json && request.json.messages)}` }],
				stop_reason: 'end_turn',
				usage: { input_tokens: 11, output_tokens: 7 },
				x_nanogpt_pricing: PRICING,
			},
		}),
	};
}

function defaultRoutes(server) {
	return {
		'POST /v1/chat/completions': (request) => {
			const body = request.json || {};
			const messages = body.messages || [];
			const wantsTool = Array.isArray(body.tools) && body.tools.length > 0 && !messages.some((message) => message.role === 'tool');
			const afterTool = messages.some((message) => message.role === 'tool');
			const message = wantsTool
				? { role: 'assistant', content: null, tool_calls: [toolCallFor(body)] }
				: { role: 'assistant', content: afterTool ? answerAfterTool(messages) : chatAnswer(body) };
			return {
				json: {
					id: 'chatcmpl-e2e-1',
					object: 'chat.completion',
					created: 1763800000,
					model: body.model,
					choices: [{ index: 0, message, finish_reason: wantsTool ? 'tool_calls' : 'stop' }],
					usage: { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 },
					x_nanogpt_pricing: PRICING,
				},
			};
		},
		'POST /v1/completions': (request) => ({
			json: {
				id: 'cmpl-e2e-1',
				object: 'text_completion',
				created: 1763800000,
				model: request.json && request.json.model,
				choices: [{ index: 0, text: ' and they lived happily ever after.', finish_reason: 'stop' }],
				usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
				x_nanogpt_pricing: PRICING,
			},
		}),
		'POST /check-balance': () => ({
			json: { usd_balance: '129.46956147', nano_balance: '26.71801147', nanoDepositAddress: 'nano_1e2etest' },
		}),
		'GET /v1/models': () => ({
			json: {
				object: 'list',
				data: [
					{
						id: 'openai/gpt-4o-mini',
						object: 'model',
						owned_by: 'openai',
						name: 'GPT-4o mini',
						context_length: 128000,
						pricing: { prompt: 0.15, completion: 0.6, currency: 'USD', unit: 'per_million_tokens' },
					},
					{
						id: 'openai/gpt-3.5-turbo-instruct',
						object: 'model',
						owned_by: 'openai',
						name: 'GPT-3.5 Turbo Instruct',
						context_length: 4096,
						pricing: { prompt: 1.5, completion: 2, currency: 'USD', unit: 'per_million_tokens' },
					},
					{
						id: 'anthropic/claude-3.5-haiku',
						object: 'model',
						owned_by: 'anthropic',
						name: 'Claude 3.5 Haiku',
						context_length: 200000,
						pricing: { prompt: 0.8, completion: 4, currency: 'USD', unit: 'per_million_tokens' },
					},
					{
						id: 'openai/gpt-4o',
						object: 'model',
						owned_by: 'openai',
						name: 'GPT-4o',
						context_length: 128000,
						capabilities: { vision: true, tool_calling: true, structured_output: true },
						pricing: { prompt: 2.5, completion: 10, currency: 'USD', unit: 'per_million_tokens' },
					},
					{ id: 'openai/gpt-oss-preview', object: 'model', owned_by: 'openai', name: 'GPT OSS Preview' },
				],
			},
		}),
		'GET /v1/image-models': () => ({
			json: {
				object: 'list',
				data: [
					{
						id: 'hidream',
						name: 'HiDream',
						pricing: { per_image: { '1024*1024': 0.005 }, currency: 'USD' },
						supported_parameters: { resolutions: ['1024x1024', '1360x768', '768x1360'] },
					},
				],
			},
		}),
		'GET /v1/audio-models': (request) => {
			const models = [
				{ id: 'Kokoro-82m', name: 'Kokoro 82M', capabilities: { text_to_speech: true }, pricing: { per_thousand_chars: 0.001 } },
				{ id: 'tts-1-hd', name: 'TTS-1 HD', capabilities: { text_to_speech: true }, pricing: { per_thousand_chars: 0.03 } },
				{ id: 'Whisper-Large-V3', name: 'Whisper Large V3', capabilities: { speech_to_text: true }, pricing: { per_minute: 0.01 } },
			];
			const wanted = { tts: 'text_to_speech', stt: 'speech_to_text' }[request.query.type];
			return { json: { object: 'list', data: wanted ? models.filter((model) => model.capabilities[wanted]) : models } };
		},
		'GET /v1/video-models': () => ({
			json: {
				object: 'list',
				data: [
					{ id: 'veo2-video', name: 'Veo 2', pricing: { per_second: 0.5 } },
					{ id: 'veo3-video', name: 'Veo 3', pricing: { per_second: 0.75 } },
				],
			},
		}),
		'POST /v1/images/generations': (request) => ({
			json: {
				created: 1763800000,
				data: Array.from({ length: Number((request.json && request.json.n) || 1) }, () => ({ b64_json: PNG_1X1.toString('base64') })),
				cost: 0.005,
				paymentSource: 'USD',
				remainingBalance: 129.4,
			},
		}),
		'POST /v1/audio/speech': () => ({ headers: { 'content-type': 'audio/mpeg' }, body: MP3_BYTES }),
		'GET /tts/status': (request) => ({
			json: {
				status: 'completed',
				runId: request.query.runId,
				model: request.query.model,
				audioUrl: `${server.origin}/files/speech.mp3?expires=1763803600&signature=e2e`,
				contentType: 'audio/mpeg',
			},
		}),
		'GET /files/speech.mp3': () => ({ headers: { 'content-type': 'audio/mpeg' }, body: MP3_BYTES }),
		'POST /v1/audio/transcriptions': () => ({
			json: { text: 'Hello from the fake transcription. The meeting moves to Friday.', language: 'en', duration: 3.2 },
		}),
		'POST /generate-video': (request) => ({
			status: 202,
			json: {
				runId: 'vid_e2e_1',
				id: 'vid_e2e_1',
				status: 'pending',
				model: request.json && request.json.model,
				cost: 0.5,
				paymentSource: 'USD',
				remainingBalance: 129,
			},
		}),
		'GET /video/status': (request) => ({
			json: {
				requestId: request.query.requestId || request.query.runId,
				data: {
					status: 'COMPLETED',
					requestId: request.query.requestId || request.query.runId,
					output: { video: { url: `${server.origin}/files/video.mp4?expires=1763803600&signature=e2e` } },
					cost: 0.5,
				},
			},
		}),
		'GET /files/video.mp4': () => ({ headers: { 'content-type': 'video/mp4' }, body: MP4_BYTES }),
		...knowledgeRoutes(),
		...mediaRoutes(server, MP4_BYTES),
		...restRoutes(),
	};
}

/** Routes that answer without an API key (catalogues and downloads, like NanoGPT's). */
const PUBLIC_ROUTES = new Set([
	'GET /v1/models',
	'GET /v1/image-models',
	'GET /v1/audio-models',
	'GET /v1/video-models',
	'GET /files/video.mp4',
	'GET /files/speech.mp3',
	...KNOWLEDGE_PUBLIC_ROUTES,
]);

function keyOf(request) {
	const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization || ''));
	return bearer ? bearer[1] : request.headers['x-api-key'];
}

function unauthorized() {
	return { status: 401, json: { error: { message: 'Invalid API key', type: 'authentication_error', code: 'invalid_api_key' } } };
}

/** Demo mode: a picture instead of a 1x1 pixel, an audible chime (WAV when WAV is asked for, else MP3). */
function demoRoutes(server) {
	const png = samplePng();
	return {
		'POST /v1/images/generations': (request) => ({
			json: {
				created: Math.floor(Date.now() / 1000),
				data: Array.from({ length: Number((request.json && request.json.n) || 1) }, () => ({ b64_json: png.toString('base64') })),
				cost: 0.005,
				paymentSource: 'USD',
				remainingBalance: 129.4,
			},
		}),
		'POST /v1/audio/speech': (request) =>
			request.json && request.json.response_format === 'wav'
				? { headers: { 'content-type': 'audio/wav' }, body: chimeWav() }
				: { headers: { 'content-type': 'audio/mpeg' }, body: chimeMp3() },
		'GET /files/speech.mp3': () => ({ headers: { 'content-type': 'audio/mpeg' }, body: chimeMp3() }),
		'GET /tts/status': (request) => ({
			json: {
				status: 'completed',
				runId: request.query.runId,
				model: request.query.model,
				audioUrl: `${server.origin}/files/speech.mp3`,
				contentType: 'audio/mpeg',
			},
		}),
	};
}

class FakeNanoGptServer {
	constructor({ validKey = VALID_KEY, demo = false, keepRequests = Infinity } = {}) {
		this.validKey = validKey;
		this.requests = [];
		this.keepRequests = keepRequests;
		this.overrides = new Map();
		this.routes = { ...defaultRoutes(this), ...(demo ? demoRoutes(this) : {}) };
		this.origin = '';
		this.baseUrl = '';
	}

	/** Answer this route with the handler (a function of the recorded request, or a fixed response). */
	on(method, path, handler) {
		this.overrides.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler);
		return this;
	}

	/** Forget recorded requests and overrides (between cases). */
	reset() {
		this.requests.length = 0;
		this.overrides.clear();
	}

	requestsTo(method, path) {
		return this.requests.filter((request) => request.method === method && request.path === path);
	}

	async start(port = 0) {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: String(error), type: 'server_error' } }));
			});
		});
		await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${this.server.address().port}`;
		this.baseUrl = `${this.origin}/api`;
		return this.baseUrl;
	}

	async stop() {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url || '/', 'http://127.0.0.1');
		const path = url.pathname.replace(/^\/api(?=\/)/, '');
		const request = {
			method: req.method,
			path,
			query: Object.fromEntries(url.searchParams.entries()),
			headers: req.headers,
			rawBody,
			json: undefined,
			form: undefined,
		};
		const contentType = String(req.headers['content-type'] || '');
		if (contentType.includes('application/json') && rawBody.length) {
			try {
				request.json = JSON.parse(rawBody.toString('utf8'));
			} catch {
				request.json = undefined;
			}
		} else if (contentType.startsWith('multipart/form-data')) {
			request.form = parseMultipartForm(contentType, rawBody);
		}
		this.requests.push(request);
		if (this.requests.length > this.keepRequests) this.requests.shift();
		const key = `${request.method} ${path}`;
		const model = (request.json && request.json.model) || (request.form && request.form.fields && request.form.fields.model);
		let response;
		if (!PUBLIC_ROUTES.has(key) && keyOf(request) !== this.validKey) {
			response = unauthorized();
		} else if ((MODEL_ROUTES.has(key) || key === 'POST /v1/audio/transcriptions') && model === UNKNOWN_MODEL) {
			response = unknownModel(model);
		} else {
			const handler = this.overrides.get(key) || this.routes[key];
			response = handler
				? await handler(request)
				: { status: 404, json: { error: { message: `No route ${key}`, type: 'not_found_error', code: 'not_found' } } };
		}
		const headers = { ...(response.headers || {}) };
		let body;
		if (response.json !== undefined) {
			body = Buffer.from(JSON.stringify(response.json));
			headers['content-type'] = headers['content-type'] || 'application/json';
		} else {
			body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body || '');
		}
		res.writeHead(response.status || 200, headers);
		res.end(body);
	}
}

module.exports = { FakeNanoGptServer, demoRoutes, VALID_KEY, UNKNOWN_MODEL, PNG_1X1, MP3_BYTES, MP4_BYTES, keyOf };

if (require.main === module) {
	const server = new FakeNanoGptServer({ demo: process.argv.includes('--demo'), keepRequests: 100 });
	server.start(Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) || 0)).then((baseUrl) => {
		process.stdout.write(`Fake NanoGPT at ${baseUrl} (API key ${VALID_KEY})\n`);
	});
}
