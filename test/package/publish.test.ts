import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));

describe('the published package', () => {
	const files: string[] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
	)[0].files.map((file: { path: string }) => file.path);

	test('contains the built node, credential, icons and codex', () => {
		for (const wanted of [
			'dist/nodes/NanoGpt/NanoGpt.node.js',
			'dist/nodes/NanoGpt/NanoGpt.node.json',
			'dist/credentials/NanoGptApi.credentials.js',
			'dist/icons/nanogpt.svg',
			'dist/icons/nanogpt.dark.svg',
			'package.json',
			'README.md',
			'LICENSE',
		]) {
			expect(files).toContain(wanted);
		}
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	});

	test('contains no tests, TypeScript sources, examples or secrets', () => {
		const unwanted = files.filter(
			(file) => /(^|\/)test\//.test(file) || (/\.ts$/.test(file) && !file.endsWith('.d.ts')) || /(^|\/)\.env|\.npmrc$|examples\//.test(file),
		);
		expect(unwanted).toEqual([]);
	});

	test('has no runtime dependencies and only n8n-workflow as a peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies['n8n-workflow']).toBe('*');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
	});
});
