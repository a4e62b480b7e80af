import fc from 'fast-check';

import { PACING_SLACK_MS, SendSchedule } from '../../nodes/NanoGpt/shared/pacing';

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
						expect(starts[at] - starts[at - 1]).toBeGreaterThanOrEqual((1000 + PACING_SLACK_MS) / rate - 1e-9);
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
