'use strict';
// npm run bench: every figure of the performance benchmark, one scenario per fresh process, printed as
// `name: value (target)` and written into docs/performance.md (between the bench:results markers for
// the engine-level figures, the bench:real-n8n markers for the real-n8n ones; a block is rewritten only when all
// of its figures ran).
// Options: --only=<scenario or group>[,...] (repeatable; groups: engine, real-n8n; scenarios: overhead,
// concurrency, rate-limit, shared-key, media, load, real-n8n-cpu, real-n8n-rate, real-n8n-media), --quick (fewer rounds).
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const REAL_START = '<!-- bench:real-n8n:start -->';
const REAL_END = '<!-- bench:real-n8n:end -->';

const ENGINE_SCENARIOS = ['overhead', 'concurrency', 'rate-limit', 'shared-key', 'media', 'load'];
const REAL_SCENARIOS = ['real-n8n-cpu', 'real-n8n-rate', 'real-n8n-media'];
const GROUPS = { engine: ['overhead', 'concurrency', 'rate-limit', 'shared-key', 'media'], 'real-n8n': REAL_SCENARIOS };

function parseArgs(argv) {
	const options = { only: [], quick: false };
	for (const arg of argv) {
		if (arg.startsWith('--only=')) options.only.push(...arg.slice('--only='.length).split(',').filter(Boolean));
		else if (arg === '--quick') options.quick = true;
		else throw new Error(`Unknown option ${arg} (use --only=<scenario or group>[,...] and --quick)`);
	}
	const known = [...ENGINE_SCENARIOS, ...REAL_SCENARIOS, ...Object.keys(GROUPS)];
	for (const name of options.only) if (!known.includes(name)) throw new Error(`--only=${name}: not one of ${known.join(', ')}`);
	const selected = new Set(options.only.length ? options.only.flatMap((name) => GROUPS[name] ?? [name]) : [...ENGINE_SCENARIOS, ...REAL_SCENARIOS]);
	return { ...options, selected };
}

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
	const options = parseArgs(process.argv.slice(2));
	const runs = (name) => options.selected.has(name);
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'NanoGpt', 'NanoGpt.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const started = Date.now();
	const figures = [];
	const add = (name, value, target, met, block = 'engine') => {
		figures.push({ name, value, target, met, block });
		process.stdout.write(`${name}: ${value} (${target})\n`);
	};
	const failedFigure = (name, target, result, block) => add(name, `failed: ${String(result.failed).split('\n')[0]}`, target, false, block);
	const host = machine();
	process.stdout.write(`machine: ${host.nproc} cores, ${host.cpu}, Node ${host.node}, load average ${host.load}\n`);

	if (runs('overhead')) {
		const overhead = await runScenario('overhead.js');
		if (overhead.failed && typeof overhead.failed === 'string') failedFigure('overhead', 'target <= 1.15x', overhead);
		else {
			add('overhead', `node ${Math.round(overhead.nodeMs)} ms vs raw client ${Math.round(overhead.rawMs)} ms for ${overhead.items} Ask items = ${times(overhead.ratio)}`, 'target <= 1.15x', overhead.ratio <= 1.15 && overhead.failed === 0);
			add('overhead above n8n floor', `node ${Math.round(overhead.nodeMs)} ms vs minimal declarative node ${Math.round(overhead.floorMs)} ms = ${times(overhead.floorRatio)}`, 'informational', undefined);
		}
	}

	if (runs('concurrency')) {
		const concurrency = await runScenario('concurrency.js');
		if (typeof concurrency.failed === 'string') failedFigure('concurrency', 'target <= 1.2x ideal, 0 errors', concurrency);
		else add('concurrency', `${concurrency.items} items x ${concurrency.latencyMs} ms / ${concurrency.concurrency} in flight: ${Math.round(concurrency.ms)} ms = ${times(concurrency.ratio)} ideal (${concurrency.idealMs} ms), ${concurrency.failed} errors`, 'target <= 1.2x ideal, 0 errors', concurrency.ratio <= 1.2 && concurrency.failed === 0);
	}

	if (runs('rate-limit')) {
		const rate = await runScenario('rateLimit.js');
		if (typeof rate.failed === 'string') failedFigure('rate limit', 'target >= 85%, 0 failed', rate);
		else {
			const { paced, unpaced } = rate;
			add('rate limit', `${rate.items} items in ${seconds(paced.ms)}, ${paced.perSecond.toFixed(1)} req/s = ${(paced.share * 100).toFixed(0)}% of ${rate.limit} req/s, ${paced.failed} failed, ${paced.rateLimited} answered 429 (default settings)`, 'target >= 85%, 0 failed', paced.share >= 0.85 && paced.failed === 0);
			add('rate limit without pacing', `${rate.items} items in ${seconds(unpaced.ms)}, ${unpaced.failed} failed, ${unpaced.rateLimited} answered 429 (Max Requests per Second = 0)`, 'informational', undefined);
		}
	}

	if (runs('shared-key')) {
		const shared = await runScenario('sharedKey.js');
		if (typeof shared.failed === 'string') failedFigure('shared key', 'target 0 lost, >= 85%', shared);
		else {
			for (const [mode, label] of [['acceptedCount', 'accepted requests count'], ['rejectedCount', 'rejected requests count too']]) {
				const figures = shared[mode];
				add(`shared key, ${label}`, `${shared.processes} processes x ${shared.items} items, ${figures.trials} trials: ${figures.lost} lost, ${figures.rateLimited} answered 429, lowest ${(figures.minShare * 100).toFixed(0)}% of ${shared.limit} req/s`, 'target 0 lost, >= 85%', figures.lost === 0 && figures.minShare >= 0.85);
			}
		}
	}

	if (runs('media')) {
		for (const name of ['transcription', 'video']) {
			const label = name === 'transcription' ? 'media transcription (25 MB audio)' : 'media video (50 MB download)';
			const media = await runScenario('media.js', { BENCH_MEDIA_CASE: name }, ['--expose-gc']);
			if (typeof media.failed === 'string') failedFigure(label, 'target <= 3x', media);
			else if (!media.available) add(label, `not available yet (${name === 'transcription' ? 'Audio > Create Transcription' : 'Video > Generate'} is not in the built node)`, 'target <= 3x', undefined);
			else add(label, `peak RSS growth ${mb(media.growthBytes)} = ${times(media.multiple)} the file${media.error ? `, node error: ${media.error}` : ''}`, 'target <= 3x', media.multiple <= 3 && !media.error);
		}
	}

	if (runs('load')) {
		const load = await runScenario('load.js');
		if (typeof load.failed === 'string') failedFigure('load', 'target <= 50 ms', load);
		else add('load', `${load.ms.toFixed(1)} ms to require and create the node and credential (median of ${load.probes} fresh processes)`, 'target <= 50 ms', load.ms <= 50);
	}

	const realParts = REAL_SCENARIOS.filter(runs).map((name) => name.slice('real-n8n-'.length));
	let real;
	if (realParts.length) {
		real = await runScenario('realN8n.js', { BENCH_REAL_PARTS: realParts.join(','), ...(options.quick ? { BENCH_QUICK: '1' } : {}) });
		addRealFigures(add, failedFigure, realParts, real);
	}

	const judged = figures.filter((figure) => figure.met !== undefined);
	const met = judged.filter((figure) => figure.met);
	const missing = figures.filter((figure) => figure.met === undefined && figure.target !== 'informational');
	const summary = `${met.length} of ${judged.length} measured targets met${judged.length > met.length ? ` (missed: ${judged.filter((figure) => !figure.met).map((figure) => figure.name).join(', ')})` : ''}${missing.length ? `; not measured yet: ${missing.map((figure) => figure.name).join(', ')}` : ''}; bench took ${seconds(Date.now() - started)}`;
	process.stdout.write(`summary: ${summary}\n`);
	if (ENGINE_SCENARIOS.every(runs)) writeEngineDoc(host, figures.filter((figure) => figure.block === 'engine'), summary);
	if (REAL_SCENARIOS.every(runs) && real?.cpu && real.rate && real.media) writeRealDoc(host, figures.filter((figure) => figure.block === 'real'), real);
}

const VARIANT_LABELS = {
	ours: 'NanoGPT Ask (this package)',
	openAi18: "n8n's OpenAI node 1.8, Message a Model (Chat Completions)",
	openAi23: "n8n's OpenAI node 2.3, Message a Model (Responses API)",
	oursTextOnly: 'NanoGPT Ask, build with the Text resource only',
};
const MEDIA_LABELS = { video: 'video download 50 MB', speech: 'speech answer 25 MB', transcription: 'transcription upload 25 MB' };
const percent = (share) => `${(share * 100).toFixed(0)}%`;
const loads = (values) => values.map((value) => value.toFixed(1)).join(' ');

function addRealFigures(add, failedFigure, parts, real) {
	const figure = (name, value, target, met) => add(name, value, target, met, 'real');
	if (typeof real.failed === 'string') {
		failedFigure('real n8n', 'all real-n8n targets', real, 'real');
		return;
	}
	process.stdout.write(`real n8n ${real.n8n} (Node ${real.node}), load average at start ${loads(real.load.start)}, at end ${loads(real.load.end)}, ${seconds(real.seconds * 1000)}${real.crashesAtExit ? `; n8n crashed while exiting after a successful run ${real.crashesAtExit} time(s) (run kept)` : ''}\n`);
	const partFailed = (name, target, value) => {
		if (typeof value?.failed !== 'string') return false;
		failedFigure(name, target, value, 'real');
		return true;
	};
	if (partFailed('real n8n CPU per item', 'target <= 0.5x OpenAI 1.8, <= 1.1x Text-only', real.cpu)) real.cpu = undefined;
	if (partFailed('real n8n rate limit', 'target >= 95%, 0 failed, 0 429s', real.rate)) real.rate = undefined;
	if (partFailed('real n8n media', 'target <= 1.5x', real.media)) real.media = undefined;
	if (real.cpu) {
		const { perItem } = real.cpu;
		const rows = Object.entries(VARIANT_LABELS).map(([key, label]) => [label, perItem[key]]);
		const width = Math.max(...rows.map(([label]) => label.length));
		process.stdout.write(`CPU ms per item in real n8n (median of ${real.cpu.rounds} rounds, (CPU(${real.cpu.items}) - CPU(1)) / ${real.cpu.items - 1}, user + system of n8n execute):\n`);
		for (const [label, value] of rows) {
			process.stdout.write(`  ${label.padEnd(width)}  ${value.msPerItem.toFixed(1).padStart(5)} ms/item  (rounds ${value.min.toFixed(1)}-${value.max.toFixed(1)}; node ${value.nodeMsPerItem.toFixed(2)} ms/item; CPU N=1 ${seconds(value.cpuMsN1)}, N=${real.cpu.items} ${seconds(value.cpuMsN500)})\n`);
		}
		process.stdout.write(`  node properties: full build ${real.builds.full.properties} (${real.builds.full.resources.join(', ')}), Text-only build ${real.builds.textOnly.properties} (${real.builds.textOnly.resources.join(', ')})\n`);
		figure('real n8n CPU per item', Object.entries(VARIANT_LABELS).map(([key]) => `${key} ${perItem[key].msPerItem.toFixed(1)} ms`).join(', '), 'informational', undefined);
		figure('real n8n ours / OpenAI 1.8', `${perItem.ours.msPerItem.toFixed(1)} / ${perItem.openAi18.msPerItem.toFixed(1)} ms per item = ${times(real.cpu.oursVsOpenAi18)}`, 'target <= 0.5x', real.cpu.oursVsOpenAi18 <= 0.5);
		figure('real n8n full / Text-only (node time)', `${perItem.ours.nodeMsPerItem.toFixed(2)} / ${perItem.oursTextOnly.nodeMsPerItem.toFixed(2)} ms per item = ${times(real.cpu.fullVsTextOnlyNode)} (${real.builds.full.properties} vs ${real.builds.textOnly.properties} node properties; the node's own execution time in the run data)`, 'target <= 1.1x', real.cpu.fullVsTextOnlyNode <= 1.1);
		figure('real n8n full / Text-only (process CPU)', `${perItem.ours.msPerItem.toFixed(1)} / ${perItem.oursTextOnly.msPerItem.toFixed(1)} ms per item = ${times(real.cpu.fullVsTextOnly)} (CPU of the whole n8n process: about 7 s per run, so a few ms per item are within its noise)`, 'informational', undefined);
	}
	if (real.rate) {
		const rate = real.rate;
		figure('real n8n rate limit', `${rate.items} items in ${seconds(rate.nodeMs ?? 0)}, ${rate.perSecond.toFixed(1)} req/s = ${percent(rate.share)} of ${rate.limit} req/s, ${rate.failed} failed, ${rate.rateLimited} answered 429 (default settings)${rate.error ? `, error: ${rate.error}` : ''}`, 'target >= 95%, 0 failed, 0 429s', rate.share >= 0.95 && rate.failed === 0 && rate.rateLimited === 0);
	}
	if (real.media) {
		for (const media of Object.values(real.media.figures)) {
			figure(`real n8n media ${MEDIA_LABELS[media.kind]} (${media.mode})`, `peak RSS growth ${mb(media.growthBytes)} = ${times(media.multiple)} the file`, 'target <= 1.5x', media.multiple <= 1.5);
		}
	}
}

function replaceBlock(text, start, end, block) {
	if (!text.includes(start) || !text.includes(end)) return undefined;
	return text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
}

function writeEngineDoc(host, figures, summary) {
	if (!fs.existsSync(DOC) || process.env.BENCH_NO_DOC) return;
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
	const text = replaceBlock(fs.readFileSync(DOC, 'utf8'), START, END, block);
	if (text) fs.writeFileSync(DOC, text);
}

function writeRealDoc(host, figures, real) {
	if (!fs.existsSync(DOC) || process.env.BENCH_NO_DOC) return;
	const met = (value) => (value === undefined ? '-' : value ? 'yes' : 'no');
	const cpuRows = Object.entries(VARIANT_LABELS).map(([key, label]) => `| ${label} | ${real.cpu.perItem[key].msPerItem.toFixed(1)} |`);
	const rows = figures.filter((figure) => figure.target !== 'informational').map((figure) => `| ${figure.name.replace(/^real n8n /, '')} | ${figure.value} | ${figure.target} | ${met(figure.met)} |`);
	const block = [
		REAL_START,
		`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in n8n ${real.n8n} (Node ${real.node}) on ${host.nproc} cores, ${host.cpu}; load average (1, 5, 15 min) at start ${loads(real.load.start)}, at end ${loads(real.load.end)}; CPU per item = median of ${real.cpu.rounds} interleaved rounds, (CPU(${real.cpu.items}) - CPU(1)) / ${real.cpu.items - 1}.`,
		'',
		'| Node (pacing off, loopback server answering at once) | CPU ms per item |',
		'|---|---|',
		...cpuRows,
		'',
		'| Figure | Value | Target | Met |',
		'|---|---|---|---|',
		...rows,
		REAL_END,
	].join('\n');
	const text = replaceBlock(fs.readFileSync(DOC, 'utf8'), REAL_START, REAL_END, block);
	if (text) fs.writeFileSync(DOC, text);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
