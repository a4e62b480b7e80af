'use strict';
// Starts bench/lib/fakeServer.js in a child process and talks to its control routes.
const { fork } = require('node:child_process');
const path = require('node:path');

async function startFakeServer(settings = {}) {
	const child = fork(path.join(__dirname, 'fakeServer.js'), [JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const baseUrl = await new Promise((resolve, reject) => {
		child.once('message', (message) => resolve(message.baseUrl));
		child.once('exit', (code) => reject(new Error(`The fake NanoGPT server exited (${code})`)));
	});
	const control = async (method, route, body) => {
		const response = await fetch(`${baseUrl}/${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		return await response.json();
	};
	return {
		baseUrl,
		configure: (next) => control('POST', '__configure', next),
		stats: () => control('GET', '__stats'),
		reset: () => control('POST', '__reset'),
		stop: () => {
			child.disconnect();
			child.kill();
		},
	};
}

module.exports = { startFakeServer };
