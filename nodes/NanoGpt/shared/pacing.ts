import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Added to every pacing window: the server counts requests when they arrive, and arrival times
 * wobble by a few milliseconds, so a schedule exactly at the limit would now and then be one over.
 */
export const PACING_SLACK_MS = 50;

/**
 * Start times for one node run's requests such that no rolling window holds more than `limit` of them
 * (a sliding-window rate limit, the strictest way a server can count "N requests per second").
 * The first `limit` requests start at once; later ones wait for the oldest of the last `limit` to leave the window.
 */
export class SendSchedule {
	readonly limit: number;

	readonly windowMs: number;

	private readonly starts: number[] = [];

	private oldest = 0;

	private latest = 0;

	constructor(requestsPerSecond: number, slackMs = PACING_SLACK_MS) {
		this.limit = Math.max(1, Math.floor(requestsPerSecond));
		this.windowMs = (1000 * this.limit) / requestsPerSecond + slackMs;
	}

	/** Reserves the earliest start at or after `now` that keeps the limit, and returns it. */
	reserve(now: number): number {
		let start = Math.max(now, this.latest);
		if (this.starts.length < this.limit) {
			this.starts.push(start);
		} else {
			start = Math.max(start, this.starts[this.oldest] + this.windowMs);
			this.starts[this.oldest] = start;
			this.oldest = (this.oldest + 1) % this.limit;
		}
		this.latest = start;
		return start;
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
