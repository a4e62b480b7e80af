import { createHash } from 'crypto';

/**
 * Added to every second of the pace: the server counts requests when they arrive, and arrival times wobble by a
 * few milliseconds, so a schedule exactly at the limit would now and then be one over.
 */
export const PACING_SLACK_MS = 30;

/**
 * How far a late turn may catch up on the grid (a timer that fired late, a busy event loop), so that small delays
 * do not cost throughput. The rolling-window rule (at most `pace` turns in any 1000 + slack ms) still holds.
 */
export const CATCH_UP_MS = 15;

/**
 * After a decrease, further 429s are ignored this long: a server counting over a rolling second keeps rejecting
 * for a moment after the pace dropped, whatever the new pace, and every one of those 429s would cut it again.
 */
export const DECREASE_HOLD_MS = 250;

/**
 * While nothing says the key is shared, a 429 this long or longer after the last one costs one request per second
 * only: a run alone on its key can draw a stray 429 from arrival jitter. Another 429 within this time says the key
 * is shared, and the pace steps back to its share (until it has been back at the full pace for a whole window).
 */
export const SHARED_KEY_EVIDENCE_MS = 2000;

/** A raised pace counts as accepted by NanoGPT once this long has passed without a 429 (one rolling window). */
export const PROBE_CONFIRM_MS = 1000;

/** A pace below its estimated share of the key tries one more request per second after this long. */
export const PROBE_WAIT_BELOW_SHARE_MS = 300;

/**
 * A pace at or above its share waits this long per request per second before trying one more (12 per second:
 * 1.5 s), so that the smaller of two paces sharing a key grows first and they even out; never longer than
 * PROBE_WAIT_MAX_MS, however often the tries failed.
 */
export const PROBE_WAIT_PER_REQUEST_MS = 125;
export const PROBE_WAIT_MAX_MS = 3000;

/** Each failed try doubles the wait before the next one, up to this factor; a try that holds resets it. */
const PROBE_BACKOFF_MAX = 8;

/** The waits between tries vary by up to ±20 %, so that paces in different processes do not try in step. */
const PROBE_JITTER = 0.4;

/**
 * Tries that hold grow: +1, +2, +3, +5, +8... requests per second, each as soon as the one before held, to regain
 * a key that others left within seconds.
 */
const PROBE_STEP_GROWTH = 1.5;

/** A schedule left unused this long starts again at the full pace (the other runs on the key are likely gone). */
const IDLE_RESET_MS = 60_000;

/** Grant times kept for the rolling-window rule; faster paces rely on the even spacing alone. */
const WINDOW_RULE_MAX = 1000;

/** What a request answered, as far as pacing is concerned. */
export interface Turn {
	/** When the request was let go (ms, the schedule's clock). */
	readonly grantedAt: number;
	/** NanoGPT answered (any status but 429): the pace may try a little more. */
	succeeded(): void;
	/** NanoGPT answered 429: the pace steps back. */
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
 * - Spacing: a pace of N lets at most N requests go in any rolling 1000 + PACING_SLACK_MS ms, evenly spaced
 *   `(1000 + PACING_SLACK_MS) / N` ms apart, each counted from the moment it was granted (a late turn may catch
 *   up on the grid by at most CATCH_UP_MS, never beyond the rolling-window rule). Requests are granted one at a
 *   time, in the order they asked.
 * - Whole requests per second: NanoGPT counts whole requests in a rolling second, so two paces of 12.4 can put
 *   26 in one second; paces of 12 and 13 never do. The pace therefore moves in whole steps, and the rolling-window
 *   rule makes a lowered pace take effect at once (the next request waits until the last second holds fewer).
 * - Sharing a key with runs it cannot see: a first 429 costs one request per second (a run alone can draw a stray
 *   one). Another within SHARED_KEY_EVIDENCE_MS says the key is shared: the pace steps back to an even share of Max
 *   Requests per Second (the number of runs estimated from what got through in the last second: two runs, 12
 *   each), by at least one and at most half, at most once per DECREASE_HOLD_MS and never for requests that left
 *   before the last step back.
 * - Finding room again: after a calm while it tries one request per second more. A try that draws a 429 within
 *   PROBE_CONFIRM_MS is undone (the key was full; the next try waits twice as long); a try that holds is followed
 *   at once by a larger one, so a run whose neighbours finished regains the full pace within seconds. Paces below
 *   their share try sooner than larger ones, so shares even out.
 * - Retries that wait (the transport's jittered backoff) go through `take` again, so they join the pace instead
 *   of arriving in step with each other.
 */
export class SendSchedule {
	/** Max Requests per Second: the pace never goes above it. */
	readonly ceiling: number;

	private pace: number;

	private readonly slackMs: number;

	private readonly random: () => number;

	/** The grid point the next turn is planned for. */
	private nextAt = Number.NEGATIVE_INFINITY;

	/** Grant times of the latest turns, oldest first (as many as the rolling-window rule can need). */
	private grants: number[] = [];

	private readonly grantsKept: number;

	/** Grant times of the requests that succeeded in the last second. */
	private successes: number[] = [];

	private lastUsedAt = Number.NEGATIVE_INFINITY;

	private lastDecreaseAt = Number.NEGATIVE_INFINITY;

	private lastChangeAt = Number.NEGATIVE_INFINITY;

	/** Runs estimated to share the key, from the last step back (1 until two 429s in a row say otherwise). */
	private sharers = 1;

	/** A raised pace not yet confirmed: the pace to return to if it draws a 429. */
	private probe: { from: number; at: number } | undefined;

	private step = 1;

	/** The last step back was the single step of a first 429 at the full pace (no hold after it). */
	private lastStepWasGentle = false;

	private backoff = 1;

	private jitter = 1;

	private queue: Promise<void> = Promise.resolve();

	constructor(requestsPerSecond: number, slackMs = PACING_SLACK_MS, random: () => number = Math.random) {
		this.ceiling = requestsPerSecond;
		this.pace = requestsPerSecond;
		this.slackMs = slackMs;
		this.random = random;
		this.grantsKept = Math.min(WINDOW_RULE_MAX, Math.ceil(requestsPerSecond));
	}

	/** The current pace in requests per second. */
	get requestsPerSecond(): number {
		return this.pace;
	}

	/** The current spacing between two turns. */
	get intervalMs(): number {
		return (1000 + this.slackMs) / this.pace;
	}

	/** How long a request that wants to start at `now` has to wait. */
	delayAt(now: number): number {
		return Math.max(0, this.dueAt() - now);
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
			this.grants.push(grantedAt);
			if (this.grants.length > this.grantsKept) this.grants.shift();
			return this.turn(grantedAt, clock);
		} finally {
			done();
		}
	}

	/**
	 * The grid point, and no earlier than the rolling-window rule allows: at most `pace` grants per window (a pace
	 * above WINDOW_RULE_MAX never has that many grants kept, so the grid alone applies).
	 */
	private dueAt(): number {
		const count = Math.max(1, Math.floor(this.pace));
		if (this.grants.length < count) return this.nextAt;
		return Math.max(this.nextAt, this.grants[this.grants.length - count] + count * this.intervalMs);
	}

	private reset(): void {
		this.pace = this.ceiling;
		this.grants = [];
		this.successes = [];
		this.lastDecreaseAt = Number.NEGATIVE_INFINITY;
		this.lastChangeAt = Number.NEGATIVE_INFINITY;
		this.sharers = 1;
		this.probe = undefined;
		this.step = 1;
		this.lastStepWasGentle = false;
		this.backoff = 1;
		this.jitter = 1;
	}

	private turn(grantedAt: number, clock: () => number): Turn {
		let settled = false;
		return {
			grantedAt,
			succeeded: () => {
				if (settled) return;
				settled = true;
				this.succeededAt(clock());
			},
			rateLimited: () => {
				if (settled) return;
				settled = true;
				this.rateLimitedAt(grantedAt, clock());
			},
		};
	}

	/** A success: confirms a try that has held for a rolling window, and starts the next try when it is due. */
	private succeededAt(now: number): void {
		this.successes.push(now);
		while (this.successes.length && this.successes[0] <= now - 1000) this.successes.shift();
		let confirmed = false;
		if (this.probe && now - this.probe.at >= PROBE_CONFIRM_MS) {
			this.probe = undefined;
			this.backoff = 1;
			this.step = Math.ceil(this.step * PROBE_STEP_GROWTH);
			confirmed = true;
			// Back at the full pace for a whole window: the key is (again) this run's alone, as far as it can tell.
			if (this.pace >= this.ceiling) this.sharers = 1;
		}
		if (this.pace >= this.ceiling || this.probe) return;
		// After a try that held, the next (larger) one follows at once; otherwise after a calm while.
		if (!confirmed && now - this.lastChangeAt < this.probeWaitMs() * this.jitter) return;
		this.probe = { from: this.pace, at: now };
		this.pace = Math.min(this.ceiling, this.pace + this.step);
		this.changedAt(now);
	}

	/** Marks a change of pace; the wait before the next try is drawn anew (±PROBE_JITTER / 2). */
	private changedAt(now: number): void {
		this.lastChangeAt = now;
		this.jitter = 1 + (this.random() - 0.5) * PROBE_JITTER;
	}

	private probeWaitMs(): number {
		if (this.sharers > 1 && this.pace < Math.floor(this.ceiling / this.sharers)) return PROBE_WAIT_BELOW_SHARE_MS;
		return Math.min(PROBE_WAIT_MAX_MS, Math.max(PROBE_WAIT_BELOW_SHARE_MS, this.pace * PROBE_WAIT_PER_REQUEST_MS) * this.backoff);
	}

	/**
	 * A 429: a try not yet confirmed is undone (and the next one waits longer); otherwise the pace steps back to an
	 * even share of the key, by at least one request per second and at most half. Ignored for a request that left
	 * before the last step back, or within DECREASE_HOLD_MS of it.
	 */
	private rateLimitedAt(grantedAt: number, now: number): void {
		if (grantedAt < this.lastDecreaseAt || (!this.lastStepWasGentle && now - this.lastDecreaseAt < DECREASE_HOLD_MS)) return;
		const gentle = !this.probe && this.sharers === 1 && now - this.lastDecreaseAt >= SHARED_KEY_EVIDENCE_MS;
		if (this.probe) {
			this.pace = this.probe.from;
			this.backoff = Math.min(PROBE_BACKOFF_MAX, this.backoff * 2);
		} else if (gentle) {
			this.pace = Math.max(Math.min(1, this.ceiling), this.pace - 1);
		} else {
			const recent = this.successes.filter((at) => at > now - 1000).length;
			this.sharers = Math.max(2, Math.round(this.ceiling / Math.max(this.pace, recent, 1)));
			const share = Math.floor(this.ceiling / this.sharers);
			const lowered = Math.min(this.pace - 1, Math.max(Math.ceil(this.pace / 2), share));
			this.pace = Math.max(Math.min(1, this.ceiling), lowered);
		}
		this.probe = undefined;
		this.step = 1;
		this.lastStepWasGentle = gentle;
		this.lastDecreaseAt = now;
		this.changedAt(now);
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
