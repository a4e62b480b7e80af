'use strict';
/**
 * Reads a multipart/form-data body as the fake NanoGPT server received it: `{ fields, files }`, where `fields`
 * maps a name to its text value and `files` maps a name to `{ fileName, contentType, bytes }`.
 */

function boundaryOf(contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(contentType || ''));
	return match ? match[1] || match[2].trim() : undefined;
}

/** Splits the body at every `--boundary` line; the preamble and the closing `--` part are dropped. */
function partsOf(body, boundary) {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const contentStart = start + delimiter.length;
		const next = body.indexOf(delimiter, contentStart);
		if (next === -1) break;
		// Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
		parts.push(body.subarray(contentStart + 2, next - 2));
		start = next;
	}
	return parts;
}

function headersOf(text) {
	const headers = {};
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function parseMultipartForm(contentType, body) {
	const boundary = boundaryOf(contentType);
	if (!boundary) throw new Error(`No boundary in the content type ${contentType}`);
	const form = { fields: {}, files: {} };
	for (const part of partsOf(body, boundary)) {
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd === -1) continue;
		const headers = headersOf(part.subarray(0, headerEnd).toString('utf8'));
		const content = part.subarray(headerEnd + 4);
		const disposition = headers['content-disposition'] || '';
		const name = /\bname="([^"]*)"/.exec(disposition);
		if (!name) continue;
		const fileName = /\bfilename="([^"]*)"/.exec(disposition);
		if (fileName) {
			form.files[name[1]] = { fileName: fileName[1], contentType: headers['content-type'], bytes: Buffer.from(content) };
		} else {
			form.fields[name[1]] = content.toString('utf8');
		}
	}
	return form;
}

module.exports = { parseMultipartForm };
