'use strict';
// 4. Large media: Audio > Create Transcription of a 25 MB binary and Video > Generate with a 50 MB download.
// Peak RSS growth (the process's high-water mark, read from the kernel) as a multiple of the file size.
// Run one case per fresh process (BENCH_MEDIA_CASE=transcription|video); the input item is built and the heap
// settled before the baseline is taken. The fake server runs in its own process.
const { hasOperation, nodeDescription, runNode } = require('../lib/engine');
const { runScenario } = require('../lib/measure');
const { startFakeServer } = require('../lib/server');

const MB = 1024 * 1024;
const CASES = {
	transcription: { resource: 'audio', operation: 'createTranscription', bytes: 25_000_000, model: 'Whisper-Large-V3' },
	video: { resource: 'video', operation: 'generate', bytes: 50 * MB, model: 'veo3-video' },
};

/** Parameters for the operation, from what the built node declares (these operations are built elsewhere). */
/** An MP3 of the given size as the node's upload check sees it (an ID3 header, then filler). */
function mp3Bytes(size) {
	const bytes = Buffer.alloc(size, 7);
	Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1').copy(bytes);
	return bytes;
}

async function parametersFor(spec) {
	const description = await nodeDescription();
	const shown = description.properties.filter(
		(property) =>
			property.displayOptions?.show?.resource?.includes(spec.resource) &&
			property.displayOptions?.show?.operation?.includes(spec.operation),
	);
	const parameters = { resource: spec.resource, operation: spec.operation, model: { __rl: true, mode: 'id', value: spec.model } };
	for (const property of shown) {
		if (/binary/i.test(property.name) && property.type === 'string') parameters[property.name] = 'data';
		if (property.name === 'prompt') parameters.prompt = 'A lighthouse at dawn';
		if (/^(download|waitForCompletion|wait)/i.test(property.name) && property.type === 'boolean') parameters[property.name] = true;
	}
	return parameters;
}

function maxRssBytes() {
	return process.resourceUsage().maxRSS * 1024;
}

async function measure(name) {
	const spec = CASES[name];
	if (!(await hasOperation(spec.resource, spec.operation))) return { name, available: false };
	const server = await startFakeServer({ videoBytes: CASES.video.bytes });
	try {
		const parameters = await parametersFor(spec);
		const items =
			name === 'transcription'
				? [{ json: {}, binary: { data: { data: mp3Bytes(spec.bytes).toString('base64'), mimeType: 'audio/mpeg', fileName: 'meeting.mp3' } } }]
				: [{ json: {} }];
		global.gc?.();
		await new Promise((resolve) => setTimeout(resolve, 100));
		global.gc?.();
		const before = process.memoryUsage().rss;
		const peakBefore = maxRssBytes();
		const result = await runNode(parameters, { baseUrl: server.baseUrl, items });
		const peak = maxRssBytes();
		const growth = Math.max(0, peak - Math.max(before, 0));
		const item = result.items[0];
		const error = result.error?.message ?? item?.error?.message;
		return {
			name,
			available: true,
			fileBytes: spec.bytes,
			growthBytes: growth,
			multiple: growth / spec.bytes,
			peakBeforeBytes: peakBefore,
			error,
			outputBinaryBytes: item?.binary ? Object.values(item.binary).map((binary) => binary.fileSize ?? binary.data?.length) : undefined,
		};
	} finally {
		server.stop();
	}
}

runScenario(() => measure(process.env.BENCH_MEDIA_CASE ?? 'transcription'));
