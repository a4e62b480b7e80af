import net from 'node:net';
import type { AddressInfo } from 'node:net';

import { runNode } from '../helpers/engine';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';
import { chatCompletion } from '../helpers/fixtures';

const server = useFakeNanoGpt();

describe('transport faults get plain words, and only the transient ones are retried', () => {
	test('Timeout is a deadline for the whole attempt: a body trickling one byte every 250 ms is cut at the deadline', async () => {
		let timer: NodeJS.Timeout | undefined;
		server.on('POST', '/v1/chat/completions', {
			raw: (res) => {
				res.writeHead(200, { 'content-type': 'application/json' });
				// 40 bytes over 10 s: an idle timeout of 2 s would never fire.
				let sent = 0;
				timer = setInterval(() => {
					if (res.destroyed) return clearInterval(timer);
					res.write(' ');
					if (++sent === 40) {
						clearInterval(timer);
						res.end(JSON.stringify(chatCompletion('late')));
					}
				}, 250);
			},
		});
		const result = await runNode(askParameters({ requestSettings: { timeout: 2, maxRetries: 0 } }), { baseUrl: server.baseUrl });
		clearInterval(timer);
		expect(result.error?.message).toBe('NanoGPT did not answer within 2 seconds');
		expect(result.error?.description).toContain('The whole request (connecting, waiting and receiving the answer) is limited by Timeout');
		expect(result.items).toHaveLength(0);
	});

	test('a reset in the middle of the body is retried like other resets', async () => {
		server.queue('POST', '/v1/chat/completions', {
			raw: (res, req) => {
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
				res.write('{"id":"chatcmpl-1","choices":[');
				setImmediate(() => req.socket.destroy());
			},
		});
		const result = await runNode(askParameters({ requestSettings: { maxRetries: 1 } }), { baseUrl: server.baseUrl });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.text).toBe('Hello from NanoGPT');
		expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(2);
	});

	test('a reset in the middle of the body, every time: plain words after the retries, no library text', async () => {
		server.on('POST', '/v1/chat/completions', {
			raw: (res, req) => {
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
				res.write('{"id"');
				setImmediate(() => req.socket.destroy());
			},
		});
		const result = await runNode(askParameters({ requestSettings: { maxRetries: 1 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The connection to NanoGPT was reset before the answer was complete');
		expect(JSON.stringify(result.error?.description)).not.toMatch(/stream has been aborted|ERR_BAD_RESPONSE/);
		expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(2);
	});

	test('a damaged gzip body is reported in plain words and not sent again (it may have been billed)', async () => {
		server.on('POST', '/v1/chat/completions', {
			raw: (res) => {
				res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
				res.end('this is not gzip');
			},
		});
		const result = await runNode(askParameters({ requestSettings: { maxRetries: 3 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The answer of NanoGPT could not be decoded (a damaged compressed body)');
		expect(result.error?.message).not.toContain('incorrect header check');
		expect(server.requestsTo('POST', '/v1/chat/completions')).toHaveLength(1);
	});

	test('a server that does not speak HTTP: plain words, not retried, no parser text', async () => {
		let connections = 0;
		const garbage = net.createServer((socket) => {
			connections++;
			socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
		});
		await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = garbage.address() as AddressInfo;
			const result = await runNode(askParameters({ requestSettings: { maxRetries: 3 } }), { baseUrl: `http://127.0.0.1:${port}/api` });
			expect(result.error?.message).toBe('The server at the credential Base URL did not answer in HTTP');
			expect(JSON.stringify({ m: result.error?.message, d: result.error?.description })).not.toMatch(/Parse Error|HPE_/);
			expect(connections).toBe(1);
		} finally {
			await new Promise<void>((resolve) => garbage.close(() => resolve()));
		}
	});
});
