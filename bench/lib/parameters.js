'use strict';
// Node parameters as the n8n editor saves them.

const MODEL = { __rl: true, mode: 'id', value: 'openai/gpt-5.2' };
const PROMPT = 'Summarise this row of the spreadsheet in one sentence.';

function askParameters(requestSettings = {}, requestOptions = undefined) {
	return {
		resource: 'text',
		operation: 'ask',
		model: MODEL,
		prompt: PROMPT,
		requestSettings,
		...(requestOptions ? { requestOptions } : {}),
	};
}

/** The request Text > Ask sends for askParameters(), for the raw client to send the same. */
const ASK_REQUEST = { path: '/v1/chat/completions', body: { model: MODEL.value, messages: [{ role: 'user', content: PROMPT }] } };

function items(count) {
	return Array.from({ length: count }, (_, index) => ({ json: { row: index } }));
}

module.exports = { ASK_REQUEST, askParameters, items };
