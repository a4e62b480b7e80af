import { runNode } from '../helpers/engine';
import { useFakeNanoGpt } from '../helpers/server';
import { queryErrors } from './specQuery';
import { RUN_ID, recoverParameters } from './videoFixtures';

const server = useFakeNanoGpt();

const RUNS = [
	{ runId: RUN_ID, model: 'sora-2', status: 'completed', videoUrl: 'https://cdn.example/v1.mp4', cost: 0.8, createdAt: '2026-12-05T10:00:00.000Z' },
	{ runId: 'vid_second', model: 'veo3-video', status: 'processing', createdAt: '2026-12-05T10:05:00.000Z' },
	{ id: 'vid_third', model: 'kling-video-v2', data: { status: 'FAILED', userFriendlyError: 'The prompt was refused.' } },
];

async function recover(extra: Parameters<typeof recoverParameters>[0] = {}, answer: { status?: number; json: unknown } = { json: { runs: RUNS } }, options: { continueOnFail?: boolean } = {}) {
	server.on('GET', '/generate-video/recover', answer);
	return await runNode(recoverParameters(extra), { baseUrl: server.baseUrl, ...options });
}

describe('Video > Recover Recent Runs', () => {
	test('without filters nothing is added to GET /generate-video/recover; one item per run, normalized', async () => {
		const result = await recover();
		expect(result.error).toBeUndefined();
		expect(server.requestsTo('GET', '/generate-video/recover')).toHaveLength(1);
		expect(server.lastRequest().query).toEqual({});
		expect(result.items.map((item) => item.json)).toEqual([
			{
				requestId: RUN_ID,
				model: 'sora-2',
				status: 'completed',
				done: true,
				videoUrl: 'https://cdn.example/v1.mp4',
				progress: null,
				error: null,
				cost: 0.8,
				createdAt: '2026-12-05T10:00:00.000Z',
				raw: RUNS[0],
			},
			{
				requestId: 'vid_second',
				model: 'veo3-video',
				status: 'in_progress',
				done: false,
				videoUrl: null,
				progress: null,
				error: null,
				cost: null,
				createdAt: '2026-12-05T10:05:00.000Z',
				raw: RUNS[1],
			},
			{
				requestId: 'vid_third',
				model: 'kling-video-v2',
				status: 'failed',
				done: true,
				videoUrl: null,
				progress: null,
				error: 'The prompt was refused.',
				cost: null,
				createdAt: null,
				raw: RUNS[2],
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('every filter goes to its query parameter, valid against the spec', async () => {
		await recover({ recoverFilters: { model: ' sora-2 ', limit: 25, conversationUUID: 'c0ffee00-1111-2222-3333-444455556666' } });
		const query = server.lastRequest().query;
		expect(query).toEqual({ model: 'sora-2', limit: '25', conversationUUID: 'c0ffee00-1111-2222-3333-444455556666' });
		expect(queryErrors('/generate-video/recover', query)).toEqual([]);
	});

	test('an empty text filter is left out', async () => {
		await recover({ recoverFilters: { model: '  ', conversationUUID: '' } });
		expect(server.lastRequest().query).toEqual({});
	});

	test('runs under data are read as well', async () => {
		const result = await recover({}, { json: { data: [RUNS[1]] } });
		expect(result.items.map((item) => item.json.requestId)).toEqual(['vid_second']);
	});

	test('no runs: no items', async () => {
		const result = await recover({}, { json: { runs: [] } });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test.each([
		[{ limit: 51 }, 'The parameter "Limit" must be at least 1 and at most 50'],
		[{ limit: 0 }, 'The parameter "Limit" must be at least 1 and at most 50'],
		[{ limit: 2.5 }, 'The parameter "Limit" must be a whole number'],
	])('%j is refused before anything is sent', async (filters, message) => {
		const result = await recover({ recoverFilters: filters });
		expect(result.error?.message).toBe(message);
		expect(server.requestsTo('GET', '/generate-video/recover')).toHaveLength(0);
	});

	test('an answer without a list is a clear error', async () => {
		const result = await recover({}, { json: { ok: true } });
		expect(result.error?.message).toBe('NanoGPT answered the recent runs without a list of runs');
	});

	test('NanoGPT errors (429 rate limit) are reported in its words; with Continue On Fail an error item', async () => {
		const result = await recover({}, { status: 400, json: { error: 'Invalid model filter' } }, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(String(result.items[0].json.error)).toContain('Invalid model filter');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});
