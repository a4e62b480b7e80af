import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PACKAGE_ROOT } from '../helpers/engine';

/**
 * Real Node module resolution, outside jest: the built package is copied to a folder where only n8n-workflow can be
 * resolved (no @n8n/ai-node-sdk, as in an n8n without the SDK), then n8n-core's PackageDirectoryLoader loads it the
 * way n8n does in production (each node file in its own vm context).
 */
test('without @n8n/ai-node-sdk on disk, n8n-core loads every node and the credential', () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nanogpt-no-sdk-'));
	fs.cpSync(path.join(PACKAGE_ROOT, 'dist'), path.join(folder, 'dist'), { recursive: true });
	fs.copyFileSync(path.join(PACKAGE_ROOT, 'package.json'), path.join(folder, 'package.json'));
	fs.mkdirSync(path.join(folder, 'node_modules'));
	fs.symlinkSync(path.dirname(require.resolve('n8n-workflow/package.json')), path.join(folder, 'node_modules', 'n8n-workflow'));

	const script = `
		const { PackageDirectoryLoader } = require(${JSON.stringify(require.resolve('n8n-core'))});
		let sdk = 'found';
		try { require.resolve('@n8n/ai-node-sdk', { paths: [process.cwd() + '/dist/nodes/LmChatNanoGpt/model'] }); } catch { sdk = 'missing'; }
		const loader = new PackageDirectoryLoader(process.cwd());
		loader.loadAll().then(() => {
			const chat = loader.nodeTypes.lmChatNanoGpt.type;
			process.stdout.write(JSON.stringify({
				sdk,
				nodes: Object.keys(loader.nodeTypes).sort(),
				credentials: Object.keys(loader.credentialTypes),
				chatOutputs: chat.description.outputs,
				hasSupplyData: typeof chat.supplyData === 'function',
			}));
		}, (error) => { process.stdout.write(JSON.stringify({ error: String(error) })); });
	`;
	let output: string;
	try {
		output = execFileSync(process.execPath, ['-e', script], {
			cwd: folder,
			env: { ...process.env, NODE_ENV: 'production', NODE_PATH: '' },
			encoding: 'utf8',
		});
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
	expect(JSON.parse(output)).toEqual({
		sdk: 'missing',
		nodes: ['embeddingsNanoGpt', 'lmChatNanoGpt', 'nanoGpt'],
		credentials: ['nanoGptApi'],
		chatOutputs: ['ai_languageModel'],
		hasSupplyData: true,
	});
});
