'use strict';
// npm run bench: every figure of the performance benchmark, one scenario per fresh process, printed as
// `name: value (target)` and written into docs/performance.md (between the bench:results markers).
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function runScenario(file, env = {}, execArgv = []) {
	return new Promise((resolve) => {
		let result;
		const child = fork(path.join(__dirname, 'scenarios', file), [], { env: { ...process.env, ...env }, execArgv, stdio: 'inherit' });
		child.on('message', (message) => (result = message.result));
		child.on('exit', (code) => resolve(result ?? { failed: `${file} exited with code ${code}` }));
	});
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const times = (value) => `${value.toFixed(2)}x`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function machine() {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	return { nproc: os.availableParallelism?.() ?? os.cpus().length, cpu, node: process.version, load: os.loadavg().map((value) => value.toFixed(2)).join(' ') };
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'NanoGpt', 'NanoGpt.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const started = Date.now();
	const figures = [];
	const add = (name, value, target, met) => {
		figures.push({ name, value, target, met });
		process.stdout.write(`${name}: ${value} (${target})\n`);
	};
	const failedFigure = (name, target, result) => add(name, `failed: ${String(result.failed).split('\n')[0]}`, target, false);
	const host = machine();
	process.stdout.write(`machine: ${host.nproc} cores, ${host.cpu}, Node ${host.node}, load average ${host.load}\n`);

	const overhead = await runScenario('overhead.js');
	if (overhead.failed && typeof overhead.failed === 'string') failedFigure('overhead', 'target <= 1.15x', overhead);
	else {
		add('overhead', `node ${Math.round(overhead.nodeMs)} ms vs raw client ${Math.round(overhead.rawMs)} ms for ${overhead.items} Ask items = ${times(overhead.ratio)}`, 'target <= 1.15x', overhead.ratio <= 1.15 && overhead.failed === 0);
		add('overhead above n8n floor', `node ${Math.round(overhead.nodeMs)} ms vs minimal declarative node ${Math.round(overhead.floorMs)} ms = ${times(overhead.floorRatio)}`, 'informational', undefined);
	}

	const concurrency = await runScenario('concurrency.js');
	if (typeof concurrency.failed === 'string') failedFigure('concurrency', 'target <= 1.2x ideal, 0 errors', concurrency);
	else add('concurrency', `${concurrency.items} items x ${concurrency.latencyMs} ms / ${concurrency.concurrency} in flight: ${Math.round(concurrency.ms)} ms = ${times(concurrency.ratio)} ideal (${concurrency.idealMs} ms), ${concurrency.failed} errors`, 'target <= 1.2x ideal, 0 errors', concurrency.ratio <= 1.2 && concurrency.failed === 0);

	const rate = await runScenario('rateLimit.js');
	if (typeof rate.failed === 'string') failedFigure('rate limit', 'target >= 85%, 0 failed', rate);
	else {
		const { paced, unpaced } = rate;
		add('rate limit', `${rate.items} items in ${seconds(paced.ms)}, ${paced.perSecond.toFixed(1)} req/s = ${(paced.share * 100).toFixed(0)}% of ${rate.limit} req/s, ${paced.failed} failed, ${paced.rateLimited} answered 429 (default settings)`, 'target >= 85%, 0 failed', paced.share >= 0.85 && paced.failed === 0);
		add('rate limit without pacing', `${rate.items} items in ${seconds(unpaced.ms)}, ${unpaced.failed} failed, ${unpaced.rateLimited} answered 429 (Max Requests per Second = 0)`, 'informational', undefined);
	}

	const shared = await runScenario('sharedKey.js');
	if (typeof shared.failed === 'string') failedFigure('shared key', 'target 0 lost, >= 85%', shared);
	else for (const [mode, label] of [['acceptedCount', 'accepted requests count'], ['rejectedCount', 'rejected requests count too']]) add(`shared key, ${label}`, `${shared.processes} processes x ${shared.items} items, ${shared[mode].trials} trials: ${shared[mode].lost} lost, ${shared[mode].rateLimited} answered 429, lowest ${(shared[mode].minShare * 100).toFixed(0)}% of ${shared.limit} req/s`, 'target 0 lost, >= 85%', shared[mode].lost === 0 && shared[mode].minShare >= 0.85);

	for (const name of ['transcription', 'video']) {
		const label = name === 'transcription' ? 'media transcription (25 MB audio)' : 'media video (50 MB download)';
		const media = await runScenario('media.js', { BENCH_MEDIA_CASE: name }, ['--expose-gc']);
		if (typeof media.failed === 'string') failedFigure(label, 'target <= 3x', media);
		else if (!media.available) add(label, `not available yet (${name === 'transcription' ? 'Audio > Create Transcription' : 'Video > Generate'} is not in the built node)`, 'target <= 3x', undefined);
		else add(label, `peak RSS growth ${mb(media.growthBytes)} = ${times(media.multiple)} the file${media.error ? `, node error: ${media.error}` : ''}`, 'target <= 3x', media.multiple <= 3 && !media.error);
	}

	const load = await runScenario('load.js');
	if (typeof load.failed === 'string') failedFigure('load', 'target <= 50 ms', load);
	else add('load', `${load.ms.toFixed(1)} ms to require and create the node and credential (median of ${load.probes} fresh processes)`, 'target <= 50 ms', load.ms <= 50);

	const judged = figures.filter((figure) => figure.met !== undefined);
	const met = judged.filter((figure) => figure.met);
	const missing = figures.filter((figure) => figure.met === undefined && figure.target !== 'informational');
	const summary = `${met.length} of ${judged.length} measured targets met${judged.length > met.length ? ` (missed: ${judged.filter((figure) => !figure.met).map((figure) => figure.name).join(', ')})` : ''}${missing.length ? `; not measured yet: ${missing.map((figure) => figure.name).join(', ')}` : ''}; bench took ${seconds(Date.now() - started)}`;
	process.stdout.write(`summary: ${summary}\n`);
	writeDoc(host, figures, summary);
}

function writeDoc(host, figures, summary) {
	if (!fs.existsSync(DOC) || process.env.BENCH_NO_DOC) return;
	const text = fs.readFileSync(DOC, 'utf8');
	if (!text.includes(START) || !text.includes(END)) return;
	const rows = figures.map((figure) => `| ${figure.name} | ${figure.value} | ${figure.target} | ${figure.met === undefined ? '-' : figure.met ? 'yes' : 'no'} |`);
	const block = [
		START,
		`Measured ${new Date().toISOString().slice(0, 10)} on ${host.nproc} cores (\`nproc\`), ${host.cpu}, Node ${host.node}; load average at start ${host.load}.`,
		'',
		'| Figure | Value | Target | Met |',
		'|---|---|---|---|',
		...rows,
		'',
		`Summary: ${summary}.`,
		END,
	].join('\n');
	fs.writeFileSync(DOC, text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length));
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
