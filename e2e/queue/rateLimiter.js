'use strict';
/**
 * A rolling-window rate limit for the fake NanoGPT, per API key, the strictest way a server can count "N requests
 * per second": at most `limit` requests in any `windowMs`. By default only accepted requests count; with
 * `countRejected` the rejected ones count too (NanoGPT does not document which it does). Accepted requests are
 * answered after `latencyMs`. Every arrival is logged with its time and status.
 */
const { keyOf } = require('../fakeNanoGptServer');

const RATE_LIMITED = { error: { message: 'Rate limit exceeded', type: 'rate_limit_error', code: 'rate_limit_exceeded' } };

class RollingWindowLimiter {
	constructor({ limit = 25, windowMs = 1000, countRejected = false, latencyMs = 0, retryAfterSeconds } = {}) {
		Object.assign(this, { limit, windowMs, countRejected, latencyMs, retryAfterSeconds });
		this.windows = new Map();
		this.log = [];
	}

	reset(options = {}) {
		Object.assign(this, options);
		this.windows.clear();
		this.log = [];
	}

	/** Wraps a route handler of the fake: the limit applies before the handler answers. */
	wrap(handler) {
		return async (request) => {
			const now = Date.now();
			const key = String(keyOf(request));
			const window = (this.windows.get(key) || []).filter((at) => at > now - this.windowMs);
			const accepted = window.length < this.limit;
			if (accepted || this.countRejected) window.push(now);
			this.windows.set(key, window);
			const entry = { at: now, status: accepted ? 200 : 429, prompt: promptOf(request) };
			this.log.push(entry);
			if (!accepted) {
				return { status: 429, headers: this.retryAfterSeconds ? { 'retry-after': String(this.retryAfterSeconds) } : {}, json: RATE_LIMITED };
			}
			if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
			const answer = await handler(request);
			entry.status = answer.status || 200;
			return answer;
		};
	}

	/** Accepted requests, 429s, the busiest rolling window and the accepted rate over the sending span. */
	stats() {
		const accepted = this.log.filter((entry) => entry.status === 200).map((entry) => entry.at);
		let busiest = 0;
		for (let start = 0, end = 0; end < accepted.length; end++) {
			while (accepted[end] - accepted[start] >= this.windowMs) start++;
			busiest = Math.max(busiest, end - start + 1);
		}
		const spanMs = accepted.length ? accepted[accepted.length - 1] - accepted[0] + this.windowMs / this.limit : 0;
		return {
			requests: this.log.length,
			accepted: accepted.length,
			rateLimited: this.log.filter((entry) => entry.status === 429).length,
			busiestWindow: busiest,
			perSecond: spanMs ? (accepted.length / spanMs) * 1000 : 0,
			share: spanMs ? (accepted.length / spanMs) * 1000 / this.limit : 0,
			spanMs,
			timeline: this.timeline(),
		};
	}

	/** Accepted/429 per second from the first request, e.g. `25/3 24/0 ...`. */
	timeline() {
		if (!this.log.length) return '';
		const start = this.log[0].at;
		const seconds = [];
		for (const entry of this.log) {
			const second = Math.floor((entry.at - start) / 1000);
			while (seconds.length <= second) seconds.push([0, 0]);
			seconds[second][entry.status === 429 ? 1 : 0]++;
		}
		return seconds.map(([ok, limited]) => `${ok}/${limited}`).join(' ');
	}

	/** Prompts that never got an accepted answer. */
	unanswered(prompts) {
		const answered = new Set(this.log.filter((entry) => entry.status === 200).map((entry) => entry.prompt));
		return prompts.filter((prompt) => !answered.has(prompt));
	}
}

function promptOf(request) {
	const messages = (request.json && request.json.messages) || [];
	const user = [...messages].reverse().find((message) => message.role === 'user');
	if (!user) return undefined;
	return typeof user.content === 'string' ? user.content : (user.content || []).map((part) => part.text || '').join('');
}

module.exports = { RollingWindowLimiter };
