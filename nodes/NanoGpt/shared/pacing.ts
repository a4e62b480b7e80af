import { createHash } from 'crypto';

/**
 * Added to every second of the pace: the server counts requests when they arrive, and arrival times wobble by a
 * few milliseconds, so a schedule exactly at the limit would now and then be one over.
 */
export const PACING_SLACK_MS = 30;

/**
 * How far a late turn may catch up on the grid (a timer that fired late, a busy event loop), so that small delays
 * do not cost throughput. Kept below the slack: no rolling second ever holds more than the limit.
 */
export const CATCH_UP_MS = 15;

/** On a 429 the pace drops to at most this share of what it was, and at least to the lower one (multiplicative decrease). */
export const DECREASE_AT_MOST = 0.9;
export const DECREASE_AT_LEAST = 0.5;

/** After a 429 the pace aims at this share of the requests that succeeded in the second before it. */
const SHARE_OF_SUCCESSES = 0.95;

/**
 * Recovery (additive increase): requests per second gained per second of successes, growing the longer no 429
 * came, so that a pace that found its share stays near it while one whose neighbours left regains the full pace
 * within seconds.
 */
const INCREASE_PER_SECOND = 0.5;
const INCREASE_GROWTH_PER_SECOND = 1;
const MAX_INCREASE_PER_SECOND = 8;

/**
 * After a decrease, further 429s are ignored this long: a server counting over a rolling second keeps rejecting
 * until its window has moved on, whatever the new pace, and every one of those 429s would cut the pace again.
 */
export const DECREASE_HOLD_MS = 500;

/** The pace never drops below this (one request every 2 seconds). */
export const MIN_REQUESTS_PER_SECOND = 0.5;

/** A schedule left unused this long starts again at the full pace (the other runs on the key are likely gone). */
const IDLE_RESET_MS = 60_000;

/** What a request answered, as far as pacing is concerned. */
export interface Turn {
	/** When the request was let go (ms, the schedule's clock). */
	readonly grantedAt: number;
	/** NanoGPT answered (any status but 429): the pace recovers a little. */
	succeeded(): void;
	/** NanoGPT answered 429: the pace slows down (once for every group of requests sent at the same pace). */
	rateLimited(): void;
}

/**
 * The pace of requests sent with one API key to one NanoGPT: shared by every node run in this n8n process that
 * uses the same key, Base URL and Max Requests per Second (see {@link sharedSchedule}), and adaptive, because
 * other processes (queue-mode workers) and other tools may use the same key without our knowledge.
 *
 * How to use it, for every attempt of a request (retries included):
 * ```ts
 * const turn = await schedule.take(wait);   // the last await before the HTTP request leaves
 * try { response = await send(); } catch (error) { if (status429(error)) turn.rateLimited(); throw error; }
 * turn.succeeded();
 * ```
 * - Spacing: turns are `(1000 + PACING_SLACK_MS) / rate` ms apart, each counted from the moment it was granted
 *   (the moment the request is let go), never from when it was planned; a turn that comes late may catch up by at
 *   most CATCH_UP_MS, which stays below the slack, so at most `rate` requests start in any rolling second even
 *   when timers fire late. Requests are granted one at a time, in the order they asked.
 * - Adaptation (AIMD): a 429 lowers the pace to just below what succeeded in the second before it (this process's
 *   share of the key's limit), by 10 % to 50 %, at most once per DECREASE_HOLD_MS and never for requests that left
 *   before the last decrease; every success adds a little back, slowly at first and faster the longer no 429 came,
 *   never above Max Requests per Second.
 * - Retries that wait (the transport's jittered backoff) go through `take` again, so they join the pace instead
 *   of arriving in step with each other.
 */
export class SendSchedule {
	/** Max Requests per Second: the pace never goes above it. */
	readonly ceiling: number;

	private rate: number;

	private slackMs: number;

	/** The grid point the next turn is planned for. */
	private nextAt = Number.NEGATIVE_INFINITY;

	private lastDecreaseAt = Number.NEGATIVE_INFINITY;

	/** Grant times of the requests that succeeded in the last second. */
	private successes: number[] = [];

	private lastUsedAt = Number.NEGATIVE_INFINITY;

	private queue: Promise<void> = Promise.resolve();

	constructor(requestsPerSecond: number, slackMs = PACING_SLACK_MS) {
		this.ceiling = requestsPerSecond;
		this.rate = requestsPerSecond;
		this.slackMs = slackMs;
	}

	/** The current pace in requests per second. */
	get requestsPerSecond(): number {
		return this.rate;
	}

	/** The current spacing between two turns. */
	get intervalMs(): number {
		return (1000 + this.slackMs) / this.rate;
	}

	/** How long a request that wants to start at `now` has to wait. */
	delayAt(now: number): number {
		return Math.max(0, this.nextAt - now);
	}

	/**
	 * Waits for this request's turn (after every request that asked before it) with `wait`, and marks the moment it
	 * may start. If `wait` throws (a cancelled execution), the next request still gets its turn.
	 */
	async take(wait: (ms: number) => Promise<void>, clock: () => number = Date.now): Promise<Turn> {
		const previous = this.queue;
		let done!: () => void;
		this.queue = new Promise<void>((resolve) => (done = resolve));
		try {
			await previous;
			if (clock() - this.lastUsedAt > IDLE_RESET_MS) this.reset();
			for (let delay = this.delayAt(clock()); delay > 0; delay = this.delayAt(clock())) await wait(delay);
			const grantedAt = clock();
			// Counted from the real start; a turn that came late (a busy event loop, not an idle schedule) catches
			// up on the grid by at most CATCH_UP_MS.
			const late = grantedAt - this.nextAt;
			const catchUp = late > 0 && late <= this.intervalMs ? Math.min(CATCH_UP_MS, this.slackMs / 2, late) : 0;
			this.nextAt = grantedAt - catchUp + this.intervalMs;
			this.lastUsedAt = grantedAt;
			return this.turn(grantedAt, clock);
		} finally {
			done();
		}
	}

	private reset(): void {
		this.rate = this.ceiling;
		this.successes = [];
		this.lastDecreaseAt = Number.NEGATIVE_INFINITY;
	}

	private turn(grantedAt: number, clock: () => number): Turn {
		let settled = false;
		return {
			grantedAt,
			succeeded: () => {
				if (settled) return;
				settled = true;
				this.increase(clock());
			},
			rateLimited: () => {
				if (settled) return;
				settled = true;
				this.decrease(grantedAt, clock());
			},
		};
	}

	/** Additive increase, faster the longer ago the last 429 was. */
	private increase(now: number): void {
		this.successes.push(now);
		while (this.successes.length && this.successes[0] <= now - 1000) this.successes.shift();
		if (this.rate >= this.ceiling) return;
		const calmSeconds = Math.max(0, now - this.lastDecreaseAt) / 1000;
		const perSecond = Math.min(MAX_INCREASE_PER_SECOND, INCREASE_PER_SECOND + INCREASE_GROWTH_PER_SECOND * calmSeconds);
		this.rate = Math.min(this.ceiling, this.rate + perSecond / this.rate);
	}

	/**
	 * Multiplicative decrease, once per pace: a 429 for a request that left before the last decrease (or within
	 * DECREASE_HOLD_MS of it) says nothing about the new pace. The new pace aims just below what got through in the last second (this process's share of
	 * the key's limit), within DECREASE_AT_LEAST and DECREASE_AT_MOST of the old one. The next turn moves back by the
	 * new interval, so a server that counts rejected requests too sees its window empty out.
	 */
	private decrease(grantedAt: number, now: number): void {
		if (grantedAt < this.lastDecreaseAt || now - this.lastDecreaseAt < DECREASE_HOLD_MS) return;
		const recent = this.successes.filter((at) => at > now - 1000).length;
		const target = Math.min(this.rate * DECREASE_AT_MOST, Math.max(this.rate * DECREASE_AT_LEAST, recent * SHARE_OF_SUCCESSES));
		this.rate = Math.max(Math.min(MIN_REQUESTS_PER_SECOND, this.ceiling), target);
		this.lastDecreaseAt = now;
		this.nextAt = Math.max(this.nextAt, now + this.intervalMs);
	}
}

const schedules = new Map<string, SendSchedule>();

/** The schedule key: a hash, so the API key itself is never kept in a readable form. */
export function scheduleKey(apiKey: string, baseUrl: string, requestsPerSecond: number): string {
	return createHash('sha256').update(`${apiKey}\u0000${baseUrl}\u0000${requestsPerSecond}`).digest('hex');
}

/**
 * The schedule shared by every run in this process that sends with this API key to this Base URL at this Max
 * Requests per Second (several executions on one queue-mode worker, several nodes of one workflow).
 */
export function sharedSchedule(apiKey: string, baseUrl: string, requestsPerSecond: number): SendSchedule {
	const key = scheduleKey(apiKey, baseUrl, requestsPerSecond);
	let schedule = schedules.get(key);
	if (!schedule) {
		schedule = new SendSchedule(requestsPerSecond);
		schedules.set(key, schedule);
	}
	return schedule;
}
