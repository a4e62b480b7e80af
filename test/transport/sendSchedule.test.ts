import fc from 'fast-check';

import {
	CATCH_UP_MS,
	DECREASE_HOLD_MS,
	PACING_SLACK_MS,
	PROBE_WAIT_BELOW_SHARE_MS,
	PROBE_WAIT_MAX_MS,
	PROBE_WAIT_PER_REQUEST_MS,
	SendSchedule,
	scheduleKey,
	sharedSchedule,
} from '../../nodes/NanoGpt/shared/pacing';

/** A clock that only moves when a request waits (or when the test moves it). */
function fakeTime() {
	const time = { now: 0, waits: [] as number[] };
	return {
		time,
		clock: () => time.now,
		wait: async (ms: number) => {
			time.waits.push(ms);
			time.now += ms;
		},
	};
}

async function startsOf(schedule: SendSchedule, count: number, fake = fakeTime(), late = () => 0): Promise<number[]> {
	const starts: number[] = [];
	for (let index = 0; index < count; index++) {
		await schedule.take(async (ms) => {
			await fake.wait(ms);
			fake.time.now += late();
		}, fake.clock);
		starts.push(fake.time.now);
	}
	return starts;
}

describe('SendSchedule', () => {
	test('the first request starts at once, the next ones evenly spaced', async () => {
		const interval = (1000 + PACING_SLACK_MS) / 25;
		expect(await startsOf(new SendSchedule(25), 4)).toEqual([0, interval, 2 * interval, 3 * interval]);
	});

	test('a request that comes later than its turn starts when it comes', () => {
		const schedule = new SendSchedule(2, 0);
		expect(schedule.delayAt(0)).toBe(0);
	});

	test('fractional rates: 0.5 per second is one request every 2 seconds', () => {
		expect(new SendSchedule(0.5, 0).intervalMs).toBe(2000);
	});

	test('turns count from when the previous request really left, so late timers never squeeze requests', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 100 }),
				fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 100 }),
				async (rate, lateness) => {
					let index = 0;
					const starts = await startsOf(new SendSchedule(rate), lateness.length, fakeTime(), () => lateness[index++ % lateness.length]);
					for (let at = 1; at < starts.length; at++) {
						expect(starts[at] - starts[at - 1]).toBeGreaterThanOrEqual((1000 + PACING_SLACK_MS) / rate - CATCH_UP_MS - 1e-9);
					}
					for (let at = rate; at < starts.length; at++) {
						expect(starts[at] - starts[at - rate]).toBeGreaterThanOrEqual(1000);
					}
				},
			),
		);
	});

	test('requests take their turns in the order they asked', async () => {
		const schedule = new SendSchedule(5);
		const fake = fakeTime();
		const order: number[] = [];
		await Promise.all([0, 1, 2, 3, 4, 5].map(async (index) => {
			await schedule.take(fake.wait, fake.clock);
			order.push(index);
		}));
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(fake.time.waits).toEqual(Array(5).fill(schedule.intervalMs));
	});

	test('a request never waits when the previous one is a full interval back', async () => {
		const schedule = new SendSchedule(10);
		const fake = fakeTime();
		await schedule.take(fake.wait, fake.clock);
		fake.time.now += schedule.intervalMs;
		await schedule.take(fake.wait, fake.clock);
		expect(fake.time.waits).toEqual([]);
	});

	test('a cancelled wait still lets the next request have its turn', async () => {
		const schedule = new SendSchedule(10);
		const fake = fakeTime();
		await schedule.take(fake.wait, fake.clock);
		const cancelled = schedule.take(async () => {
			throw new Error('The execution was cancelled');
		}, fake.clock);
		await expect(cancelled).rejects.toThrow('cancelled');
		await schedule.take(fake.wait, fake.clock);
		expect(fake.time.waits).toEqual([schedule.intervalMs]);
	});
});

describe('SendSchedule adapts to 429s', () => {
	/** Takes a turn at the fake time and reports its outcome at once. */
	async function answer(schedule: SendSchedule, fake: ReturnType<typeof fakeTime>, outcome: 'ok' | '429') {
		const turn = await schedule.take(fake.wait, fake.clock);
		if (outcome === 'ok') turn.succeeded();
		else turn.rateLimited();
		return turn;
	}

	/** Answers every request with success for `seconds` of fake time; returns the pace at the end. */
	async function succeedFor(schedule: SendSchedule, fake: ReturnType<typeof fakeTime>, seconds: number) {
		const until = fake.time.now + seconds * 1000;
		while (fake.time.now < until) await answer(schedule, fake, 'ok');
		return schedule.requestsPerSecond;
	}

	/** Answers every request with success until the pace tries one more; returns how long that took. */
	async function untilNextTry(schedule: SendSchedule, fake: ReturnType<typeof fakeTime>) {
		const pace = schedule.requestsPerSecond;
		const from = fake.time.now;
		while (schedule.requestsPerSecond === pace) await answer(schedule, fake, 'ok');
		return fake.time.now - from;
	}

	/** No jitter in the waits between tries. */
	const steady = () => 0.5;

	/** Two 429s in a row after a second of successes: the key is shared with another run. */
	async function shareOfTwo(schedule: SendSchedule, fake: ReturnType<typeof fakeTime>) {
		await succeedFor(schedule, fake, 1);
		await answer(schedule, fake, '429');
		await answer(schedule, fake, '429');
	}

	test('a first 429 costs one request per second; a second one soon after steps back to an even share (25 -> 24 -> 12)', async () => {
		const schedule = new SendSchedule(25, PACING_SLACK_MS, steady);
		const fake = fakeTime();
		await succeedFor(schedule, fake, 1);
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBe(24);
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBe(12);
		expect(schedule.intervalMs).toBeCloseTo((1000 + PACING_SLACK_MS) / 12);
	});

	test('a run alone that draws a stray 429 now and then loses one request per second each time, not half its pace', async () => {
		const schedule = new SendSchedule(25, PACING_SLACK_MS, steady);
		const fake = fakeTime();
		const paces: number[] = [];
		for (let round = 0; round < 3; round++) {
			await succeedFor(schedule, fake, 6);
			paces.push(schedule.requestsPerSecond);
			await answer(schedule, fake, '429');
			paces.push(schedule.requestsPerSecond);
		}
		expect(paces).toEqual([25, 24, 25, 24, 25, 24]);
	});

	test('429s in a row step back to the share (re-estimated each time: 10 -> 8 for three runs), never below 1', async () => {
		const schedule = new SendSchedule(25, PACING_SLACK_MS, steady);
		const fake = fakeTime();
		await answer(schedule, fake, '429');
		const paces = [schedule.requestsPerSecond];
		for (let index = 0; index < 15; index++) {
			fake.time.now += DECREASE_HOLD_MS;
			await answer(schedule, fake, '429');
			paces.push(schedule.requestsPerSecond);
		}
		expect(paces).toEqual([24, 12, 11, 10, 8, 7, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1]);
	});

	test('a lowered pace takes effect at once: no rolling second holds more requests than the new pace', async () => {
		const schedule = new SendSchedule(10, 0, steady);
		const fake = fakeTime();
		const starts: number[] = [];
		for (let index = 0; index < 10; index++) starts.push((await answer(schedule, fake, 'ok')).grantedAt);
		starts.push((await answer(schedule, fake, '429')).grantedAt);
		starts.push((await answer(schedule, fake, '429')).grantedAt);
		const lowered = schedule.requestsPerSecond;
		expect(lowered).toBe(5);
		const after: number[] = [];
		for (let index = 0; index < 20; index++) after.push((await schedule.take(fake.wait, fake.clock)).grantedAt);
		const all = [...starts, ...after];
		for (const at of after) expect(all.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(lowered);
	});

	test('429s for requests already on their way, or within the hold time, lower the pace only once', async () => {
		const schedule = new SendSchedule(20, PACING_SLACK_MS, steady);
		const fake = fakeTime();
		await answer(schedule, fake, '429');
		const inFlight = await Promise.all([0, 1, 2, 3].map(async () => await schedule.take(fake.wait, fake.clock)));
		inFlight[0].rateLimited();
		const once = schedule.requestsPerSecond;
		expect(once).toBe(10);
		for (const turn of inFlight.slice(1)) turn.rateLimited();
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBe(once);
		fake.time.now += DECREASE_HOLD_MS;
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBeLessThan(once);
	});

	test('after a calm while the pace tries one more; a 429 within a second undoes the try and the next one waits twice as long', async () => {
		const schedule = new SendSchedule(25, PACING_SLACK_MS, steady);
		const fake = fakeTime();
		await shareOfTwo(schedule, fake);
		const share = schedule.requestsPerSecond;
		const firstWait = await untilNextTry(schedule, fake);
		expect(schedule.requestsPerSecond).toBe(share + 1);
		expect(firstWait).toBeGreaterThanOrEqual(share * PROBE_WAIT_PER_REQUEST_MS);
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBe(share);
		const secondWait = await untilNextTry(schedule, fake);
		expect(secondWait).toBeGreaterThanOrEqual(Math.min(PROBE_WAIT_MAX_MS, 2 * share * PROBE_WAIT_PER_REQUEST_MS));
	});

	test('tries that hold grow: a run whose neighbour finished regains the full pace within 8 seconds', async () => {
		const schedule = new SendSchedule(25, PACING_SLACK_MS, steady);
		const fake = fakeTime();
		await shareOfTwo(schedule, fake);
		expect(schedule.requestsPerSecond).toBe(12);
		const paces: number[] = [];
		for (let second = 0; second < 8; second++) paces.push(await succeedFor(schedule, fake, 1));
		expect(paces.at(-1)).toBe(25);
		const steps = paces.map((pace, index) => pace - (index ? paces[index - 1] : 12)).filter((step) => step > 0);
		expect(steps.slice(0, 3)).toEqual([1, 2, 3]);
	});

	test('a pace pushed below its share of the key tries sooner than one at its share, so two paces even out', async () => {
		const timeToTry = async (extra429s: number) => {
			const schedule = new SendSchedule(25, PACING_SLACK_MS, steady);
			const fake = fakeTime();
			await shareOfTwo(schedule, fake);
			for (let index = 0; index < extra429s; index++) {
				fake.time.now += DECREASE_HOLD_MS;
				await answer(schedule, fake, '429');
			}
			const pace = schedule.requestsPerSecond;
			return { pace, wait: await untilNextTry(schedule, fake) };
		};
		// 25 -> 24 -> 12 (two runs: 12 each) -> 11: below the share.
		const atShare = await timeToTry(0);
		const below = await timeToTry(1);
		expect([atShare.pace, below.pace]).toEqual([12, 11]);
		expect(atShare.wait).toBeGreaterThanOrEqual(12 * PROBE_WAIT_PER_REQUEST_MS);
		expect(below.wait).toBeLessThan(PROBE_WAIT_BELOW_SHARE_MS + 1000 / 11 + 1);
	});

	test('the waits between tries vary (±20 %), so paces in different processes do not try in step', async () => {
		const waitFor = async (random: number) => {
			const schedule = new SendSchedule(25, PACING_SLACK_MS, () => random);
			const fake = fakeTime();
			await shareOfTwo(schedule, fake);
			expect(schedule.requestsPerSecond).toBe(12);
			return await untilNextTry(schedule, fake);
		};
		const shortest = await waitFor(0);
		const longest = await waitFor(0.999);
		expect(shortest).toBeLessThan(0.85 * 12 * PROBE_WAIT_PER_REQUEST_MS);
		expect(longest).toBeGreaterThan(1.15 * 12 * PROBE_WAIT_PER_REQUEST_MS);
	});

	test('a turn reports once: a second outcome of the same request changes nothing', async () => {
		const schedule = new SendSchedule(25);
		const fake = fakeTime();
		const turn = await answer(schedule, fake, '429');
		const after = schedule.requestsPerSecond;
		turn.succeeded();
		turn.rateLimited();
		expect(schedule.requestsPerSecond).toBe(after);
	});
});

describe('one schedule per API key, Base URL and pace in a process', () => {
	test('runs with the same key, Base URL and Max Requests per Second share one schedule', () => {
		const one = sharedSchedule('sk-nano-shared-1', 'https://nano-gpt.com/api', 25);
		expect(sharedSchedule('sk-nano-shared-1', 'https://nano-gpt.com/api', 25)).toBe(one);
		expect(sharedSchedule('sk-nano-shared-2', 'https://nano-gpt.com/api', 25)).not.toBe(one);
		expect(sharedSchedule('sk-nano-shared-1', 'http://127.0.0.1:9/api', 25)).not.toBe(one);
		expect(sharedSchedule('sk-nano-shared-1', 'https://nano-gpt.com/api', 10)).not.toBe(one);
	});

	test('the schedule is found by a hash: the API key is not kept in a readable form', () => {
		const key = scheduleKey('sk-nano-secret-value', 'https://nano-gpt.com/api', 25);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain('secret');
	});
});
