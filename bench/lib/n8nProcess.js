'use strict';
// Runs one n8n CLI command (e.g. `n8n execute`) for the real-n8n benchmark and measures it:
//  - CPU: user + system time of the n8n process and its children, from bash's `times` builtin (getrusage of the
//    waited-for children of a wrapper shell), so nothing of this bench process is counted;
//  - memory: the peak resident set (VmHWM in /proc/<pid>/status) of every process in the command's tree, sampled.
// Every command runs in its own process group; groups still alive are killed by PID when this process exits.
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const running = new Set();

function killGroup(pid) {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

function killAll() {
	for (const pid of running) killGroup(pid);
	running.clear();
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => {
		killAll();
		process.exit(130);
	});
}

/** The PIDs of `pid` and all its descendants (from /proc/<pid>/task/<tid>/children). */
function processTree(pid) {
	const tree = [];
	const queue = [pid];
	while (queue.length) {
		const current = queue.shift();
		tree.push(current);
		let tasks = [];
		try {
			tasks = fs.readdirSync(`/proc/${current}/task`);
		} catch {
			continue;
		}
		for (const task of tasks) {
			try {
				const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
				if (children) queue.push(...children.split(/\s+/).map(Number));
			} catch {
				// the task ended
			}
		}
	}
	return tree;
}

function highWaterMarkBytes(pid) {
	try {
		const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Parses the second line of bash's `times` output ("0m4.210s 0m0.380s": the children's user and system time). */
function parseTimes(text) {
	const lines = text.trim().split('\n');
	const toMs = (value) => {
		const match = /^(\d+)m([\d.]+)s$/.exec(value);
		if (!match) throw new Error(`Unexpected \`times\` output: ${text}`);
		return (Number(match[1]) * 60 + Number(match[2])) * 1000;
	};
	const [user, system] = lines[lines.length - 1].trim().split(/\s+/).map(toMs);
	return { userMs: user, systemMs: system, cpuMs: user + system };
}

/**
 * Runs `<runtime.nodeBinary> <runtime.n8nBin> ...args` to completion. Returns its exit code, output, wall time, CPU
 * time of the process tree and (with `sampleMemory`) the peak VmHWM per process, summed over the tree.
 */
function runMeasured(runtime, env, args, { timeoutMs = 600_000, sampleMemory = false, timesFile } = {}) {
	return new Promise((resolve, reject) => {
		const script = '"$@"; code=$?; times > "$BENCH_TIMES_FILE"; exit $code';
		// Output goes to files, not pipes: Node writes to a pipe asynchronously, and n8n exits before a large run
		// data print (500 items) has drained into a pipe; writes to a file are synchronous and complete.
		const outFile = `${timesFile}.stdout`;
		const errFile = `${timesFile}.stderr`;
		const outFd = fs.openSync(outFile, 'w');
		const errFd = fs.openSync(errFile, 'w');
		const started = process.hrtime.bigint();
		const child = spawn('bash', ['-c', script, 'bench-n8n', runtime.nodeBinary, runtime.n8nBin, ...args], {
			env: { ...env, BENCH_TIMES_FILE: timesFile },
			stdio: ['ignore', outFd, errFd],
			detached: true,
		});
		fs.closeSync(outFd);
		fs.closeSync(errFd);
		running.add(child.pid);
		const peaks = new Map();
		const sample = () => {
			for (const pid of processTree(child.pid)) {
				if (pid === child.pid) continue; // the wrapper shell
				peaks.set(pid, Math.max(peaks.get(pid) ?? 0, highWaterMarkBytes(pid)));
			}
		};
		const sampler = sampleMemory ? setInterval(sample, 20) : undefined;
		const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			clearInterval(sampler);
			running.delete(child.pid);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			clearInterval(sampler);
			running.delete(child.pid);
			killGroup(child.pid); // anything the command left behind
			const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
			let cpu = { userMs: NaN, systemMs: NaN, cpuMs: NaN };
			try {
				cpu = parseTimes(fs.readFileSync(timesFile, 'utf8'));
			} catch (error) {
				if (code === 0) return reject(error);
			}
			resolve({
				code,
				signal,
				wallMs,
				...cpu,
				peakRssBytes: sampleMemory ? [...peaks.values()].reduce((sum, value) => sum + value, 0) : undefined,
				stdout: fs.readFileSync(outFile, 'utf8'),
				stderr: fs.readFileSync(errFile, 'utf8'),
			});
		});
	});
}

module.exports = { runMeasured, killAll };
