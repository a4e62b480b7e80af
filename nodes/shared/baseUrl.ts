import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://nano-gpt.com/api';

/** Where both nodes send their requests: the credential's Base URL, checked once, and its origin. */
export interface NanoGptEndpoint {
	/** Without trailing slashes or a trailing /v1, so ".../api", ".../api/" and ".../api/v1" all match. */
	baseUrl: string;
	/** scheme://host:port: the only origin that ever receives the API key. */
	origin: string;
}

const FIELD = 'Base URL field of the NanoGPT credential';

/**
 * Parses the credential's Base URL. Refused: anything that is not an http(s) URL, and a URL with a user name or
 * password (n8n would send those as Basic auth instead of the API key). The value itself is not echoed when it
 * holds credentials.
 */
export function parseBaseUrl(raw: unknown, node: INode): NanoGptEndpoint {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	const problem = (message: string) =>
		new NodeOperationError(node, message, {
			description: 'Open the NanoGPT credential and correct its Base URL. Nothing was sent.',
		});
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) {
		const hint = /^[a-z0-9.-]+(:\d+)?(\/|$)/i.test(text) ? ` Add the scheme, for example https://${text}.` : '';
		throw problem(`The ${FIELD} is not a URL ("${text.slice(0, 80)}").${hint} The usual value is ${DEFAULT_BASE_URL}.`);
	}
	if (url.username !== '' || url.password !== '') {
		throw problem(
			`The ${FIELD} contains a user name or password before "@". NanoGPT uses only the API key: remove the "user:password@" part from the Base URL.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw problem(
			`The ${FIELD} must start with https:// (or http:// for a local proxy), not "${url.protocol}". The usual value is ${DEFAULT_BASE_URL}.`,
		);
	}
	if (url.search !== '' || url.hash !== '') {
		throw problem(`The ${FIELD} must not contain "?" or "#" parts. The usual value is ${DEFAULT_BASE_URL}.`);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
	return { baseUrl: `${url.origin}${path}`, origin: url.origin };
}
