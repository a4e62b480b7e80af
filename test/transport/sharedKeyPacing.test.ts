import { PACING_SLACK_MS, SendSchedule } from '../../nodes/NanoGpt/shared/pacing';
import { DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_MAX_RETRIES } from '../../nodes/NanoGpt/shared/requestSettings';
import { retryDelayAfter } from '../../nodes/NanoGpt/shared/transport';

/**
 * Several processes (queue-mode workers) sending with one API key, each with its own schedule (they cannot see
 * each other), against a server that allows 25 requests in any rolling second, in simulated time: each request
 * arrives 0-2 ms after its turn, an accepted one is answered after 100 ms, timers fire 0-3 ms late, and every
 * process but the first starts 0-800 ms after it (as executions picked up by different workers do). Items are
 * retried like the transport does (jittered backoff, Max Retries 3). Deterministic: a seeded random source.
 */
interface Trial {
	processes: number;
	itemsPerProcess: number;
	/** The server counts rejected requests in its window too. */
	countsRejected: boolean;
	retryAfterMs?: number;
	seed: number;
}

function simulate(trial: Trial) {
	let seed = trial.seed;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	let now = 0;
	const timers: Array<{ at: number; fire: () => void }> = [];
	const after = (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + ms, fire: resolve }));
	const wait = async (ms: number) => await after(ms + random() * 3);
	const clock = () => now;

	const limit = DEFAULT_MAX_REQUESTS_PER_SECOND;
	const window: number[] = [];
	const arrivals: number[] = [];
	let rateLimited = 0;
	const arrive = () => {
		while (window.length && window[0] <= now - 1000) window.shift();
		const accepted = window.length < limit;
		if (accepted || trial.countsRejected) window.push(now);
		if (accepted) arrivals.push(now);
		else rateLimited++;
		return accepted;
	};

	let failed = 0;
	const item = async (schedule: SendSchedule) => {
		for (let attempt = 0; ; attempt++) {
			const turn = await schedule.take(wait, clock);
			await after(random() * 2);
			const accepted = arrive();
			await after(accepted ? 100 : 5);
			if (accepted) return turn.succeeded();
			turn.rateLimited();
			if (attempt >= DEFAULT_MAX_RETRIES) return failed++;
			await wait(retryDelayAfter(attempt, { status: 429, retryAfterMs: trial.retryAfterMs, paced: true }, random));
		}
	};

	const runs: Array<Promise<unknown>> = [];
	for (let process = 0; process < trial.processes; process++) {
		const schedule = new SendSchedule(DEFAULT_MAX_REQUESTS_PER_SECOND, PACING_SLACK_MS, random);
		const startsAt = process === 0 ? 0 : random() * 800;
		for (let index = 0; index < trial.itemsPerProcess; index++) runs.push(after(startsAt).then(async () => await item(schedule)));
	}
	return (async () => {
		let finished = false;
		void Promise.all(runs).then(() => (finished = true));
		while (!finished) {
			await new Promise<void>((resolve) => setImmediate(resolve));
			if (finished) break;
			timers.sort((a, b) => a.at - b.at);
			const next = timers.shift();
			if (!next) throw new Error('the simulation stalled');
			now = Math.max(now, next.at);
			next.fire();
		}
		const sendingSeconds = (arrivals[arrivals.length - 1] - arrivals[0] + 1000 / limit) / 1000;
		const busiestSecond = Math.max(...arrivals.map((at) => arrivals.filter((other) => other >= at && other < at + 1000).length));
		return { failed, rateLimited, share: arrivals.length / sendingSeconds / limit, busiestSecond };
	})();
}

const TRIALS = Array.from({ length: 10 }, (_, index) => index + 1);

describe.each([
	['the server counts accepted requests only', false],
	['the server counts rejected requests too', true],
])('2 workers x 200 items on one key, default settings: %s', (_name, countsRejected) => {
	test.each(TRIALS)('trial %i: no item lost, at least 85 % of the shared 25 requests per second', async (seed) => {
		const result = await simulate({ processes: 2, itemsPerProcess: 200, countsRejected, seed });
		expect(result.failed).toBe(0);
		expect(result.share).toBeGreaterThanOrEqual(0.85);
		expect(result.busiestSecond).toBeLessThanOrEqual(25);
	});
});

test('retries after Retry-After: 1 do not fall into step: still no item lost', async () => {
	for (const countsRejected of [false, true]) {
		const result = await simulate({ processes: 2, itemsPerProcess: 200, countsRejected, retryAfterMs: 1000, seed: 7 });
		expect(result.failed).toBe(0);
	}
});

test('a single run at the default pace: 300 items, no 429, at least 95 % of 25 requests per second', async () => {
	const result = await simulate({ processes: 1, itemsPerProcess: 300, countsRejected: true, seed: 3 });
	expect(result).toMatchObject({ failed: 0, rateLimited: 0 });
	expect(result.share).toBeGreaterThanOrEqual(0.95);
});
