import path from 'node:path';

import type { IAuthenticateRuleResponseCode, ICredentialType } from 'n8n-workflow';

// n8n's credential test (Save / Retry in the credential dialog) shows only a rule's message for a failing status:
// NanoGPT's advice must be there. The request must never carry the key to another address on a redirect.
const { NanoGptApi } = require(path.resolve(__dirname, '..', '..', 'dist', 'credentials', 'NanoGptApi.credentials.js'));
const credential = new NanoGptApi() as ICredentialType;
const rules = (credential.test?.rules ?? []) as IAuthenticateRuleResponseCode[];

function messageFor(status: number): string | undefined {
	return rules.find((rule) => rule.type === 'responseCode' && rule.properties.value === status)?.properties.message;
}

test('a wrong key (401) gets NanoGPT advice instead of "Unauthorized"', () => {
	expect(messageFor(401)).toBe(
		'NanoGPT did not accept the API key. Copy the key again from https://nano-gpt.com/api (it starts with sk-nano-), paste it without spaces, and check that the Base URL is a NanoGPT host.',
	);
});

test('a refused key (403), a wrong Base URL (404), rate limits and outages get advice too', () => {
	expect(messageFor(403)).toMatch(/^NanoGPT refused access with this API key\./);
	expect(messageFor(404)).toMatch(/^Nothing found at the Base URL/);
	expect(messageFor(429)).toMatch(/^NanoGPT rate limit reached/);
	for (const status of [500, 502, 503, 504]) expect(messageFor(status)).toContain(`(HTTP ${status})`);
});

test('redirects are not followed, so the key never reaches another address; a redirect fails with advice', () => {
	expect(credential.test?.request).toMatchObject({
		method: 'POST',
		url: '/check-balance',
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	});
	for (const status of [301, 302, 303, 307, 308]) {
		expect(messageFor(status)).toMatch(/^The Base URL answered with a redirect to another address\..*the API key is never sent to a redirect target\.$/);
	}
});

test('no rule message contains anything but advice (no placeholders, no key)', () => {
	expect(rules.length).toBe(13);
	for (const rule of rules) expect(rule.properties.message).not.toMatch(/\{\{|\$credentials|sk-nano-[0-9a-f]/);
});
