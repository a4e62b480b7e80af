import { runNode } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';
import { useFakeNanoGpt } from '../helpers/server';
import { MP4_BYTES, flatStatus, statusParameters } from './videoFixtures';

const server = useFakeNanoGpt();

function fileUrl(name: string) {
	return `${server.baseUrl.replace(/\/api$/, '')}/files/${name}`;
}

describe('a finished video is streamed into n8n binary storage', () => {
	test('an 8 MB video arriving in chunks is stored byte for byte, without the API key', async () => {
		const video = Buffer.concat([MP4_BYTES, Buffer.alloc(8 * 1024 * 1024, 7)]);
		server.on('GET', '/files/big.mp4', {
			raw: (res) => {
				res.writeHead(200, { 'content-type': 'video/mp4' });
				let offset = 0;
				const next = (): void => {
					if (offset >= video.length) {
						res.end();
						return;
					}
					const chunk = video.subarray(offset, offset + 64 * 1024);
					offset += chunk.length;
					if (res.write(chunk)) setImmediate(next);
					else res.once('drain', next);
				};
				next();
			},
		});
		server.on('GET', '/video/status', flatStatus('completed', { videoUrl: fileUrl('big.mp4') }));
		const run = await runNode(statusParameters({ downloadVideo: true }), { baseUrl: server.baseUrl });
		expect(run.error).toBeUndefined();
		const stored = Buffer.from(run.items[0].binary!.data.data, 'base64');
		expect(stored.length).toBe(video.length);
		expect(stored.equals(video)).toBe(true);
		const download = server.requestsTo('GET', '/files/big.mp4').at(-1)!;
		expect(download.headers.authorization).toBeUndefined();
		expect(JSON.stringify(download.headers)).not.toContain(VALID_KEY);
	});

	test.each([
		['an HTML error page with status 200', { headers: { 'content-type': 'text/html' }, body: '<html><title>Expired</title></html>' }, "NanoGPT's link did not return a video file"],
		['an empty answer', { headers: { 'content-type': 'video/mp4' }, body: '' }, "NanoGPT's link returned an empty video file"],
		['a 403 from the storage host', { status: 403, body: 'AccessDenied' }, 'Could not download the video (HTTP 403)'],
	])('%s is a clear error, nothing stored', async (_name, answer, message) => {
		server.on('GET', '/files/bad.mp4', answer);
		server.on('GET', '/video/status', flatStatus('completed', { videoUrl: fileUrl('bad.mp4') }));
		const run = await runNode(statusParameters({ downloadVideo: true }), { baseUrl: server.baseUrl });
		expect(run.error?.message).toBe(message);
		expect(run.items).toHaveLength(0);
	});
});
