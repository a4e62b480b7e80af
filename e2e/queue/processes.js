'use strict';
/** A started child process: output kept in memory and in a log file, stopped by its own PID (never by name). */
const fs = require('node:fs');

class ChildProcess {
	constructor(name, child, logFile, stopSignal = 'SIGTERM') {
		this.name = name;
		this.child = child;
		this.pid = child.pid;
		this.stopSignal = stopSignal;
		this.exited = false;
		this.chunks = [];
		const log = logFile ? fs.createWriteStream(logFile) : undefined;
		const collect = (chunk) => {
			this.chunks.push(chunk);
			if (log) log.write(chunk);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		this.exitPromise = new Promise((resolve) => {
			child.on('exit', (code, signal) => {
				this.exited = true;
				this.exitCode = code ?? signal;
				resolve();
			});
			child.on('error', (error) => {
				collect(Buffer.from(`\n[spawn error] ${error.message}\n`));
				this.exited = true;
				resolve();
			});
		});
		ChildProcess.running.add(this);
		this.exitPromise.then(() => {
			ChildProcess.running.delete(this);
			if (log) log.end();
		});
	}

	output() {
		return Buffer.concat(this.chunks).toString('utf8');
	}

	/** Signals the process by its PID and waits for it to exit (SIGKILL after the grace time). */
	async stop(graceMs = 15_000) {
		if (this.exited) return;
		try {
			process.kill(this.pid, this.stopSignal);
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(this.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, graceMs);
		await this.exitPromise;
		clearTimeout(timer);
	}

	/** Stops every process still running, newest first (n8n before Redis and PostgreSQL). */
	static async stopAll() {
		for (const child of [...ChildProcess.running].reverse()) await child.stop();
	}
}
ChildProcess.running = new Set();

module.exports = { ChildProcess };
