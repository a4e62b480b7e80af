'use strict';
/**
 * A second HTTP server on 127.0.0.1 (another origin than the fake NanoGPT): scenarios redirect the node there and
 * check that it never received a request, let alone the API key. It records everything and answers 200 {}.
 * The socket is unref'd so it never keeps the e2e process alive.
 */
const http = require('node:http');

const requests = [];
let port = 0;
const server = http.createServer((req, res) => {
	requests.push({ method: req.method, url: req.url, headers: req.headers });
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end('{"choices":[{"message":{"role":"assistant","content":"from another origin"}}]}');
});
server.listen(0, '127.0.0.1', () => {
	port = server.address().port;
});
server.unref();

module.exports = {
	/** The other origin, e.g. http://127.0.0.1:40123 (known once the server listens, before any workflow runs). */
	origin: () => `http://127.0.0.1:${port}`,
	requests,
	/** Authorization / x-api-key values the other origin received. */
	credentialHeaders: () => requests.flatMap((r) => [r.headers.authorization, r.headers['x-api-key']].filter(Boolean)),
};
