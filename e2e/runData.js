'use strict';
/** Reading what `n8n execute --rawOutput` prints: the run data of one execution. */
const fs = require('node:fs');
const path = require('node:path');

/** The end (exclusive) of the JSON value that starts at `start`: braces and brackets balanced outside strings. */
function endOfJsonValue(text, start) {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if (char === '}' || char === ']') {
			depth--;
			if (depth === 0) return index + 1;
		}
	}
	return text.length;
}

/** The JSON document in the command's output (n8n prints log lines before it and, on failure, after it). */
function parseExecuteOutput(stdout) {
	const match = /^\{/m.exec(stdout);
	if (!match) throw new Error(`n8n execute printed no JSON:\n${stdout.slice(0, 2000)}`);
	const json = stdout.slice(match.index, endOfJsonValue(stdout, match.index));
	try {
		return JSON.parse(json);
	} catch (error) {
		throw new Error(`n8n execute printed unparsable JSON (${error.message}):\n${stdout.slice(0, 2000)}`);
	}
}

/** The resultData of either shape n8n prints ({data: {resultData}} or the run object itself). */
function resultDataOf(run) {
	return (run.data && run.data.resultData) || run.resultData || run;
}

/** The first main output of a node's (last) run, as n8n items ({json, binary?}). */
function outputOf(run, nodeName) {
	const runs = resultDataOf(run).runData[nodeName];
	if (!runs || runs.length === 0) throw new Error(`Node "${nodeName}" did not run`);
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`Node "${nodeName}" failed: ${last.error.message}`);
	const main = (last.data && last.data.main) || [];
	return main[0] || [];
}

/** The error of the execution, if any. */
function errorOf(run) {
	return resultDataOf(run).error;
}

/**
 * A binary property of an output item: its MIME type, file name and bytes. Binary data lives in the item (base64,
 * in-memory mode) or in n8n's binary-data folder (filesystem mode, the n8n 2.x default): both are read.
 */
function binaryOf(item, property, userFolder) {
	const binary = item.binary && item.binary[property];
	if (!binary) throw new Error(`The item has no binary property "${property}" (has: ${Object.keys(item.binary || {}).join(', ') || 'none'})`);
	let bytes;
	if (binary.data && binary.data !== 'filesystem-v2' && !binary.id) {
		bytes = Buffer.from(binary.data, 'base64');
	} else if (binary.id) {
		const [mode, location] = binary.id.split(/:(.*)/s);
		if (!mode.startsWith('filesystem')) throw new Error(`Cannot read binary data stored in mode ${mode}`);
		// n8n 2.x stores binary data in .n8n/storage (fresh installs) and 1.x in .n8n/binaryData.
		const file = ['storage', 'binaryData']
			.map((folder) => path.join(userFolder, '.n8n', folder, location))
			.find((candidate) => fs.existsSync(candidate));
		if (!file) throw new Error(`The binary file ${binary.id} is not in the n8n user folder`);
		bytes = fs.readFileSync(file);
	}
	return { mimeType: binary.mimeType, fileName: binary.fileName, fileExtension: binary.fileExtension, bytes };
}

module.exports = { parseExecuteOutput, outputOf, errorOf, binaryOf, resultDataOf };
