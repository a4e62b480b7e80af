import fc from 'fast-check';

import {
	CATCH_UP_MS,
	DECREASE_AT_LEAST,
	DECREASE_AT_MOST,
	DECREASE_HOLD_MS,
	MIN_REQUESTS_PER_SECOND,
	PACING_SLACK_MS,
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

describe('SendSchedule adapts to 429s (AIMD)', () => {
	/** Takes a turn at the fake time and reports its outcome at once. */
	async function answer(schedule: SendSchedule, fake: ReturnType<typeof fakeTime>, outcome: 'ok' | '429') {
		const turn = await schedule.take(fake.wait, fake.clock);
		if (outcome === 'ok') turn.succeeded();
		else turn.rateLimited();
		return turn;
	}

	test('a 429 lowers the pace to just below what succeeded in the second before it', async () => {
		const schedule = new SendSchedule(25);
		const fake = fakeTime();
		for (let index = 0; index < 20; index++) await answer(schedule, fake, 'ok');
		// 20 requests at 25/s take 0.79 s: all of them within the last second.
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBeCloseTo(Math.min(25 * DECREASE_AT_MOST, Math.max(25 * DECREASE_AT_LEAST, 20 * 0.95)));
		expect(schedule.intervalMs).toBeGreaterThan((1000 + PACING_SLACK_MS) / 25);
	});

	test('a 429 with nothing successful before it halves the pace, never below the minimum', async () => {
		const schedule = new SendSchedule(25);
		const fake = fakeTime();
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBeCloseTo(25 * DECREASE_AT_LEAST);
		for (let index = 0; index < 20; index++) {
			fake.time.now += DECREASE_HOLD_MS;
			await answer(schedule, fake, '429');
		}
		expect(schedule.requestsPerSecond).toBe(MIN_REQUESTS_PER_SECOND);
	});

	test('429s for requests already on their way, or within the hold time, lower the pace only once', async () => {
		const schedule = new SendSchedule(20);
		const fake = fakeTime();
		const inFlight = await Promise.all([0, 1, 2, 3].map(async () => await schedule.take(fake.wait, fake.clock)));
		inFlight[0].rateLimited();
		const once = schedule.requestsPerSecond;
		for (const turn of inFlight.slice(1)) turn.rateLimited();
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBe(once);
		fake.time.now += DECREASE_HOLD_MS;
		await answer(schedule, fake, '429');
		expect(schedule.requestsPerSecond).toBeLessThan(once);
	});

	test('after a 429 the next request waits a full interval of the slower pace', async () => {
		const schedule = new SendSchedule(10, 0);
		const fake = fakeTime();
		const turn = await schedule.take(fake.wait, fake.clock);
		fake.time.now += 500;
		turn.rateLimited();
		const slower = schedule.intervalMs;
		await schedule.take(fake.wait, fake.clock);
		expect(fake.time.waits).toEqual([slower]);
	});

	test('successes bring the pace back up, faster the longer no 429 came, never above Max Requests per Second', async () => {
		const schedule = new SendSchedule(25);
		const fake = fakeTime();
		await answer(schedule, fake, '429');
		const low = schedule.requestsPerSecond;
		const paceAfter = async (seconds: number) => {
			const until = fake.time.now + seconds * 1000;
			while (fake.time.now < until) await answer(schedule, fake, 'ok');
			return schedule.requestsPerSecond;
		};
		const firstSecond = (await paceAfter(1)) - low;
		const before = schedule.requestsPerSecond;
		const secondSecond = (await paceAfter(1)) - before;
		expect(firstSecond).toBeGreaterThan(0);
		expect(secondSecond).toBeGreaterThan(firstSecond);
		expect(await paceAfter(30)).toBe(25);
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
