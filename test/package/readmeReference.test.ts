import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

// The parameter reference (docs/reference.md) must keep up with the nodes: every parameter a user can set (display
// name and internal name) appears in it. Read from the built nodes, as n8n sees them. Sections of README.md headed
// "## Reference: <area>" count too: branches park their new parameters there until they are folded into the reference.
const root = path.resolve(__dirname, '..', '..');
const parkedInReadme = readFileSync(path.join(root, 'README.md'), 'utf8')
	.split(/^(?=## )/m)
	.filter((section) => section.startsWith('## Reference:'))
	.join('\n');
const readme = readFileSync(path.join(root, 'docs', 'reference.md'), 'utf8') + parkedInReadme;

function descriptionOf(file: string, exportName: string): INodeTypeDescription {
	const NodeClass = require(path.join(root, 'dist', 'nodes', file))[exportName];
	return new NodeClass().description;
}

interface Parameter {
	path: string;
	name: string;
	displayName: string;
}

/** The parameters a user sets: leaves of collections and fixed collections, not the containers themselves. */
function settableParameters(properties: INodeProperties[], prefix = ''): Parameter[] {
	const found: Parameter[] = [];
	for (const property of properties) {
		if (property.type === 'notice' || property.type === 'hidden') continue;
		const propertyPath = `${prefix}${property.name}`;
		if (property.type === 'collection') {
			found.push(...settableParameters((property.options ?? []) as INodeProperties[], `${propertyPath}.`));
		} else if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as Array<{ name: string; values: INodeProperties[] }>) {
				found.push(...settableParameters(group.values, `${propertyPath}.${group.name}.`));
			}
		} else if (!['resource', 'operation'].includes(property.name)) {
			found.push({ path: propertyPath, name: property.name, displayName: property.displayName });
		}
	}
	return found;
}

describe.each([
	['NanoGPT', 'NanoGpt/NanoGpt.node.js', 'NanoGpt'],
	['NanoGPT Chat Model', 'LmChatNanoGpt/LmChatNanoGpt.node.js', 'LmChatNanoGpt'],
])('the parameter reference (docs/reference.md) for the %s node', (_label, file, exportName) => {
	const parameters = settableParameters(descriptionOf(file, exportName).properties);

	test('finds the parameters to check', () => {
		expect(parameters.length).toBeGreaterThan(10);
	});

	test('names every parameter by its internal name', () => {
		const undocumented = parameters
			.filter(({ name, path: parameterPath }) => !readme.includes(`\`${name}\``) && !readme.includes(`\`${parameterPath}\``))
			.map(({ path: parameterPath }) => parameterPath);
		expect(undocumented).toEqual([]);
	});

	test('shows every parameter by its display name', () => {
		const undocumented = parameters.filter(({ displayName }) => !readme.includes(displayName)).map(({ path: parameterPath }) => parameterPath);
		expect(undocumented).toEqual([]);
	});
});
