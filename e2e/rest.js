'use strict';
/** A small client for n8n's REST API with the session cookie n8n sets at owner setup or login. */
const BROWSER_ID = 'n8n-nodes-nanogpt-e2e';

class N8nRestClient {
	constructor(origin) {
		this.origin = origin;
		this.cookie = '';
	}

	async request(method, path, body) {
		const response = await fetch(`${this.origin}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie ? response.headers.getSetCookie() : [];
		const auth = setCookie.find((cookie) => cookie.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}

	async expectOk(method, path, body) {
		const response = await this.request(method, path, body);
		if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`);
		return response;
	}

	/** Creates the owner account, or logs in when the editor check already created it. */
	async signIn(owner) {
		const settings = await this.expectOk('GET', '/rest/settings');
		const data = settings.json.data || settings.json;
		if (data.userManagement && data.userManagement.showSetupOnFirstLoad) {
			await this.expectOk('POST', '/rest/owner/setup', owner);
		} else {
			await this.expectOk('POST', '/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
		}
		if (!this.cookie) throw new Error('n8n set no session cookie');
	}
}

/** The owner account the e2e tests create (a throwaway instance: not a real password). */
const E2E_OWNER = { email: 'e2e@example.com', firstName: 'End', lastName: 'ToEnd', password: 'E2e-password-1234' };

module.exports = { N8nRestClient, E2E_OWNER };
