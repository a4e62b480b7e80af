'use strict';
const net = require('node:net');

/** A TCP port that is free on 127.0.0.1 right now (the OS picks it). */
function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/** Whether a port on 127.0.0.1 can be listened on. */
function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

module.exports = { freePort, portIsFree };
