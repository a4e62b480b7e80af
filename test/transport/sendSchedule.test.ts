import fc from 'fast-check';

import { PACING_SLACK_MS, SendSchedule } from '../../nodes/NanoGpt/shared/pacing';

describe('SendSchedule', () => {
	test('the first `limit` requests start at once, the next ones one window after the oldest', () => {
		const schedule = new SendSchedule(3);
		const starts = [0, 0, 0, 0, 0, 0, 0].map(() => schedule.reserve(0));
		const window = 1000 + PACING_SLACK_MS;
		expect(starts).toEqual([0, 0, 0, window, window, window, 2 * window]);
	});

	test('requests that come later than their slot start when they come', () => {
		const schedule = new SendSchedule(2);
		expect(schedule.reserve(0)).toBe(0);
		expect(schedule.reserve(10)).toBe(10);
		expect(schedule.reserve(5000)).toBe(5000);
		expect(schedule.reserve(5001)).toBe(5001);
		expect(schedule.reserve(5002)).toBe(5000 + 1000 + PACING_SLACK_MS);
	});

	test('fractional rates keep their average: 2.5 per second is 2 per 800 ms, 0.5 per second is 1 per 2 s', () => {
		expect(new SendSchedule(2.5, 0)).toMatchObject({ limit: 2, windowMs: 800 });
		expect(new SendSchedule(0.5, 0)).toMatchObject({ limit: 1, windowMs: 2000 });
	});

	test('no rolling window ever holds more than `limit` starts, and starts never go backwards', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 40 }),
				fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 200 }),
				(limit, gaps) => {
					const schedule = new SendSchedule(limit);
					let now = 0;
					const starts = gaps.map((gap) => {
						now += gap;
						const start = schedule.reserve(now);
						expect(start).toBeGreaterThanOrEqual(now);
						return start;
					});
					for (let index = 1; index < starts.length; index++) {
						expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1]);
					}
					for (let index = limit; index < starts.length; index++) {
						expect(starts[index] - starts[index - limit]).toBeGreaterThanOrEqual(schedule.windowMs);
					}
				},
			),
		);
	});

	test('a request never waits when the window has room', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (limit, count) => {
				const schedule = new SendSchedule(limit);
				const starts = Array.from({ length: Math.min(count, limit) }, (_, index) => schedule.reserve(index));
				expect(starts).toEqual(starts.map((_, index) => index));
			}),
		);
	});
});
