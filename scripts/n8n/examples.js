'use strict';
const fs = require('node:fs');
const path = require('node:path');

const { PROJECT_ROOT } = require('./paths');

const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

/** The credential every example references; `npm start` and the e2e tests create it under this id. */
const EXAMPLE_CREDENTIAL = { id: 'nanogptExampleCred', name: 'NanoGPT account' };

/** Every example workflow: { file, workflow }. */
function loadExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) }));
}

function credentialFile(directory, { apiKey, baseUrl }) {
	const file = path.join(directory, 'nanogpt-credential.json');
	const data = { apiKey };
	if (baseUrl) data.baseUrl = baseUrl;
	fs.writeFileSync(file, JSON.stringify([{ ...EXAMPLE_CREDENTIAL, type: 'nanoGptApi', data }], null, 2));
	return file;
}

function workflowsFile(directory, examples = loadExamples()) {
	const file = path.join(directory, 'nanogpt-examples.json');
	fs.writeFileSync(file, JSON.stringify(examples.map((example) => example.workflow), null, 2));
	return file;
}

module.exports = { EXAMPLES_DIR, EXAMPLE_CREDENTIAL, loadExamples, credentialFile, workflowsFile };
