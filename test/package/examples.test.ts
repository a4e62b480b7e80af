import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The examples show the live model lists: every model locator is saved in From list mode with the model's name.
const examplesDir = path.resolve(__dirname, '..', '..', 'examples');

interface Locator {
	__rl: boolean;
	mode: string;
	value: string;
	cachedResultName?: string;
}

function locatorsIn(value: unknown, found: Locator[] = []): Locator[] {
	if (Array.isArray(value)) value.forEach((entry) => locatorsIn(entry, found));
	else if (value && typeof value === 'object') {
		if ((value as Locator).__rl === true) found.push(value as Locator);
		else Object.values(value).forEach((entry) => locatorsIn(entry, found));
	}
	return found;
}

const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));

test.each(examples)('%s saves its model locators in From list mode with a cached name', (file) => {
	const workflow = JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8'));
	for (const node of workflow.nodes.filter((entry: { type: string }) => entry.type.startsWith('n8n-nodes-nanogpt.'))) {
		for (const locator of locatorsIn(node.parameters)) {
			expect(locator).toEqual({ __rl: true, mode: 'list', value: expect.any(String), cachedResultName: expect.any(String) });
			expect(locator.value.trim()).not.toBe('');
			expect(locator.cachedResultName!.trim()).not.toBe('');
		}
	}
});

test('the examples have model locators to check', () => {
	const count = examples
		.map((file) => locatorsIn(JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8')).nodes).length)
		.reduce((sum, value) => sum + value, 0);
	expect(count).toBeGreaterThanOrEqual(12);
});
