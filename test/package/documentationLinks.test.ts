import { readFileSync } from 'node:fs';
import path from 'node:path';

// n8n appends its own query string (?utm_source=...) to a node's documentation link; after a `#fragment` that breaks
// the link, so every documentation link is a page.
const root = path.resolve(__dirname, '..', '..');

test.each(['nodes/NanoGpt/NanoGpt.node.json', 'nodes/LmChatNanoGpt/LmChatNanoGpt.node.json'])('%s links documentation pages, not fragments', (file) => {
	const codex = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
	const urls: string[] = Object.values(codex.resources as Record<string, Array<{ url: string }>>).flat().map((link) => link.url);
	expect(urls.length).toBeGreaterThan(0);
	for (const url of urls) {
		expect(url).toMatch(/^https:\/\/[^#?]+$/);
	}
});

test('the package homepage is a page, not a fragment', () => {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	expect(pkg.homepage).not.toContain('#');
});
