'use strict';
/** The WAV file the transcription examples embed (node "Sample Voice Memo", field audioBase64) as bytes. */
function sampleAudioOf(workflow) {
	const node = workflow.nodes.find((candidate) => candidate.name === 'Sample Voice Memo');
	if (!node) throw new Error(`The workflow "${workflow.name}" has no node "Sample Voice Memo"`);
	const field = node.parameters.assignments.assignments.find((assignment) => assignment.name === 'audioBase64');
	return Buffer.from(field.value, 'base64');
}

/** Checks one multipart upload of the sample file to /v1/audio/transcriptions. */
function assertSampleUpload(assert, request, workflow, fields) {
	assert.match(String(request.headers['content-type']), /^multipart\/form-data; boundary=/);
	assert.ok(request.form, 'the transcription request is multipart form data');
	assert.deepEqual(request.form.fields, fields);
	assert.deepEqual(Object.keys(request.form.files), ['file']);
	const file = request.form.files.file;
	assert.equal(file.fileName, 'voice-memo.wav');
	assert.equal(file.contentType, 'audio/wav');
	const sample = sampleAudioOf(workflow);
	assert.equal(file.bytes.length, sample.length);
	assert.ok(file.bytes.equals(sample), 'the uploaded bytes are the sample WAV file');
	assert.equal(file.bytes.subarray(0, 4).toString('latin1'), 'RIFF');
}

module.exports = { sampleAudioOf, assertSampleUpload };
