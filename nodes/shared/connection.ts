import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { parseBaseUrl, type NanoGptEndpoint } from './baseUrl';
import {
	CREDENTIAL_TYPE,
	requestNanoGpt,
	type HttpCapableContext,
	type NanoGptHttpRequest,
	type NanoGptHttpResponse,
} from './nanoGptHttp';
import { transportInfoOf, type NodeError } from './requestFailures';

/** The credential and its checked Base URL: read once per node run and shared by every item. */
export interface Connection {
	endpoint: NanoGptEndpoint;
	credentials: ICredentialDataDecryptedObject;
}

interface CredentialContext extends HttpCapableContext {
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
}

const connections = new WeakMap<object, Connection>();

/** Lets every context derived from `owner` (the item contexts of one run) reuse the run's connection. */
export function shareConnection(owner: object, connection: Connection): void {
	connections.set(owner, connection);
}

function knownConnection(context: object): Connection | undefined {
	for (let current: object | null = context; current; current = Object.getPrototypeOf(current) as object | null) {
		const connection = connections.get(current);
		if (connection) return connection;
	}
	return undefined;
}

/** Reads the credential and checks its Base URL (or reuses what the run already read). */
export async function connectionOf(context: CredentialContext): Promise<Connection> {
	const known = knownConnection(context);
	if (known) return known;
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return { credentials, endpoint: parseBaseUrl(credentials.baseUrl, context.getNode()) };
}

/** Whether a failed request may be sent again: transport faults say so; anything else is final. */
export function isRetryableFailure(error: unknown): boolean {
	return transportInfoOf(error)?.retryable === true;
}

export type CallOutcome = { response: NanoGptHttpResponse } | { error: NodeError; final: boolean };

/**
 * One request to NanoGPT for code paths outside an operation's main request (job polls, model lists): the
 * credential's origin only, the deadline, node errors in plain words, no retries. `final` is true when waiting
 * cannot cure the failure (a redirect elsewhere, a server that is not NanoGPT, a cancelled run, a bad Base URL).
 */
export async function tryCallNanoGpt(context: CredentialContext, request: NanoGptHttpRequest): Promise<CallOutcome> {
	let connection: Connection;
	try {
		connection = await connectionOf(context);
		return { response: await requestNanoGpt(context, connection.endpoint, request, connection.credentials) };
	} catch (error) {
		return { error: error as NodeError, final: !isRetryableFailure(error) };
	}
}

/** Like tryCallNanoGpt, for callers that fail on any error. */
export async function callNanoGpt(context: CredentialContext, request: NanoGptHttpRequest): Promise<NanoGptHttpResponse> {
	const outcome = await tryCallNanoGpt(context, request);
	if ('error' in outcome) throw outcome.error;
	return outcome.response;
}
