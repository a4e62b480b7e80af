import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { authed } from '../helpers/fakeNanoGpt';
import { openApiErrors } from '../helpers/openapi';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

/** /youtube-transcribe: a transcript per video, except URLs containing "private". */
function transcribeAnswer(urls: string[]) {
	const transcripts = urls.map((url) =>
		url.includes('private')
			? { url, success: false, error: 'Transcript not available for this video' }
			: { url, success: true, title: `Video ${url.slice(-3)}`, transcript: `Hello and welcome to ${url.slice(-3)}.` },
	);
	const successful = transcripts.filter((entry) => entry.success).length;
	return { transcripts, summary: { requested: urls.length, processed: urls.length, successful, failed: urls.length - successful, totalCost: successful * 0.01 } };
}

function transcript(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'youtube', operation: 'getTranscript', videoUrls: '={{ $json.url }}', ...extra };
}

const videos = (count: number) => Array.from({ length: count }, (_, index) => `https://youtu.be/v${String(index).padStart(2, '0')}`);

beforeEach(() => {
	server.on('POST', '/youtube-transcribe', authed((request) => ({ json: transcribeAnswer(request.json.urls) })));
});

describe('YouTube > Get Transcript', () => {
	test('one video per item: the items\' videos go in one request, one item per video with the transcript and title, paired', async () => {
		const result = await runNode(transcript(), { baseUrl: server.baseUrl, items: [{ json: { url: 'https://youtu.be/abc' } }, { json: { url: 'https://youtu.be/def' } }] });
		expect(result.error).toBeUndefined();
		const requests = server.requestsTo('POST', '/youtube-transcribe');
		expect(requests.map((request) => request.json)).toEqual([{ urls: ['https://youtu.be/abc', 'https://youtu.be/def'] }]);
		for (const request of requests) expect(openApiErrors('YouTubeTranscribeRequest', request.json)).toEqual([]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				url: 'https://youtu.be/abc',
				success: true,
				title: 'Video abc',
				transcript: 'Hello and welcome to abc.',
				summary: { requested: 2, processed: 2, successful: 2, failed: 0, totalCost: 0.02 },
			},
			{
				url: 'https://youtu.be/def',
				success: true,
				title: 'Video def',
				transcript: 'Hello and welcome to def.',
				summary: { requested: 2, processed: 2, successful: 2, failed: 0, totalCost: 0.02 },
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('23 videos of one item: requests of 10, 10 and 3, outputs in order', async () => {
		const result = await runNode(transcript({ videoUrls: videos(23).join('\n') }), { baseUrl: server.baseUrl });
		expect(server.requestsTo('POST', '/youtube-transcribe').map((request) => request.json.urls.length).sort((a, b) => b - a)).toEqual([10, 10, 3]);
		expect(result.items.map((item) => item.json.url)).toEqual(videos(23));
	});

	test('a video without a transcript is its own item with NanoGPT\'s reason; the others succeed', async () => {
		const result = await runNode(transcript({ videoUrls: 'https://youtu.be/ok1, https://youtu.be/private' }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.success, item.json.transcript, item.json.error])).toEqual([
			[true, 'Hello and welcome to ok1.', undefined],
			[false, null, 'Transcript not available for this video'],
		]);
	});

	test('whatever else NanoGPT sends (language, segments) is kept', async () => {
		server.on('POST', '/youtube-transcribe', {
			json: {
				transcripts: [{ url: 'https://youtu.be/abc', success: true, title: 'T', transcript: 'Hi.', language: 'en', segments: [{ start: 0, text: 'Hi.' }] }],
				summary: { requested: 1, processed: 1, successful: 1, failed: 0, totalCost: 0.01 },
			},
		});
		const result = await runNode(transcript({ videoUrls: 'https://youtu.be/abc' }), { baseUrl: server.baseUrl });
		expect(result.items[0].json).toMatchObject({ language: 'en', segments: [{ start: 0, text: 'Hi.' }] });
	});

	test.each([
		['={{ "" }}', 'The parameter "Video URLs" is empty'],
		['youtube.com/watch?v=x', 'The parameter "Video URLs" has an entry that is not a web address'],
	])('bad input %j fails before sending', async (value, message) => {
		const result = await runNode(transcript({ videoUrls: value }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('POST', '/youtube-transcribe')).toHaveLength(0);
	});

	test('Continue On Fail: a rejected request is an error item paired with its input item', async () => {
		server.on('POST', '/youtube-transcribe', (request) =>
			request.json.urls[0].endsWith('bad') ? { status: 400, json: { error: 'Please provide an array of YouTube URLs', status: 400 } } : { json: transcribeAnswer(request.json.urls) },
		);
		const result = await runNode(transcript(), {
			baseUrl: server.baseUrl,
			continueOnFail: true,
			items: [{ json: { url: 'https://youtu.be/bad' } }, { json: { url: 'https://youtu.be/abc' } }],
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.error ?? item.json.transcript])).toEqual([
			[{ item: 0 }, 'NanoGPT rejected the request: Please provide an array of YouTube URLs'],
			[{ item: 1 }, 'Hello and welcome to abc.'],
		]);
		// The shared request was refused (400, not billed); each item was then sent alone.
		expect(server.requestsTo('POST', '/youtube-transcribe').map((request) => request.json.urls)).toEqual([
			['https://youtu.be/bad', 'https://youtu.be/abc'],
			['https://youtu.be/bad'],
			['https://youtu.be/abc'],
		]);
	});
});
