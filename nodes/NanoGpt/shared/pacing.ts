import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Added to every second of the pace: the server counts requests when they arrive, and arrival times
 * wobble by a few milliseconds, so a schedule exactly at the limit would now and then be one over.
 */
export const PACING_SLACK_MS = 50;

/**
 * The pace of one node run's requests: evenly spaced, so that no rolling second (the strictest way a server
 * can count "N requests per second") holds more than N of them. Even spacing rather than bursts of N: a burst
 * takes the event loop a while to send, and a late end of one burst must not meet the next one.
 * Requests take their turns one after another, and each turn is counted from the moment the previous request
 * actually left (not from when it was planned), so a busy event loop never squeezes requests together.
 */
export class SendSchedule {
	readonly intervalMs: number;

	private lastStart = Number.NEGATIVE_INFINITY;

	private queue: Promise<void> = Promise.resolve();

	constructor(requestsPerSecond: number, slackMs = PACING_SLACK_MS) {
		this.intervalMs = (1000 + slackMs) / requestsPerSecond;
	}

	/** How long a request that wants to start at `now` has to wait. */
	delayAt(now: number): number {
		return Math.max(0, this.lastStart + this.intervalMs - now);
	}

	/**
	 * Waits for this request's turn (after every request that asked before it) with `wait`, and marks the
	 * moment it may start. If `wait` throws (a cancelled execution), the next request still gets its turn.
	 */
	async take(wait: (ms: number) => Promise<void>, clock: () => number = Date.now): Promise<void> {
		const previous = this.queue;
		let done!: () => void;
		this.queue = new Promise<void>((resolve) => (done = resolve));
		try {
			await previous;
			for (let delay = this.delayAt(clock()); delay > 0; delay = this.delayAt(clock())) await wait(delay);
			this.lastStart = clock();
		} finally {
			done();
		}
	}
}

const schedules = new WeakMap<object, SendSchedule>();
const WITHOUT_RUN_DATA = {};

/**
 * The schedule shared by all items of one node run (n8n gives every item of a run the same execute data),
 * so that pacing covers the whole run while separate runs and executions never wait for each other.
 */
export function sendScheduleFor(context: IExecuteSingleFunctions, requestsPerSecond: number): SendSchedule {
	const key = (context.getExecuteData?.() as object | undefined) ?? WITHOUT_RUN_DATA;
	let schedule = schedules.get(key);
	if (!schedule) {
		schedule = new SendSchedule(requestsPerSecond);
		schedules.set(key, schedule);
	}
	return schedule;
}
