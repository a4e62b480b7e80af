import type { INode } from 'n8n-workflow';

import { parseBaseUrl } from '../../nodes/shared/baseUrl';

const node = { id: '1', name: 'NanoGPT', type: 't', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

describe('the credential Base URL', () => {
	test.each([
		['https://nano-gpt.com/api', 'https://nano-gpt.com/api', 'https://nano-gpt.com'],
		['https://nano-gpt.com/api/', 'https://nano-gpt.com/api', 'https://nano-gpt.com'],
		['https://nano-gpt.com/api/v1', 'https://nano-gpt.com/api', 'https://nano-gpt.com'],
		['  https://api.nano-gpt.com  ', 'https://api.nano-gpt.com', 'https://api.nano-gpt.com'],
		['http://127.0.0.1:8080/api', 'http://127.0.0.1:8080/api', 'http://127.0.0.1:8080'],
		['', 'https://nano-gpt.com/api', 'https://nano-gpt.com'],
		[undefined, 'https://nano-gpt.com/api', 'https://nano-gpt.com'],
	])('%j -> %s (origin %s)', (raw, baseUrl, origin) => {
		expect(parseBaseUrl(raw, node)).toEqual({ baseUrl, origin });
	});

	test.each([
		['https://user:secret@nano-gpt.com/api', 'contains a user name or password'],
		['nano-gpt.com/api', 'Add the scheme, for example https://nano-gpt.com/api'],
		['ftp://nano-gpt.com/api', 'must start with https://'],
		['file:///etc/passwd', 'must start with https://'],
		['https://nano-gpt.com/api?x=1', 'must not contain "?" or "#"'],
		['::::', 'is not a URL'],
	])('%s is refused with a message naming the credential field', (raw, expected) => {
		expect(() => parseBaseUrl(raw, node)).toThrow(expected);
		expect(() => parseBaseUrl(raw, node)).toThrow('Base URL field of the NanoGPT credential');
		try {
			parseBaseUrl(raw, node);
		} catch (error) {
			expect((error as Error).message).not.toContain('secret');
		}
	});
});
