import type {
	DeclarativeRestApiSettings,
	INodeRequestOutput,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { applyRequestSettings } from './requestSettings';
import { requireJsonObjectBody } from './responses';
import { sendWithRetries, throwOnErrorStatus } from './transport';

/**
 * The routing every operation shares: the operation's own preSend steps after the timeout setting,
 * per-item retries (requestOperations.pagination), and NanoGPT errors turned into clear node errors.
 */
export function operationRouting(
	request: DeclarativeRestApiSettings.HttpRequestOptions,
	preSend: PreSendAction[] = [],
	options: { postReceive?: PostReceiveAction[]; jsonBody?: boolean } = {},
): INodePropertyRouting {
	const output: INodeRequestOutput = {
		postReceive: [
			throwOnErrorStatus,
			...(options.jsonBody === false ? [] : [requireJsonObjectBody]),
			...(options.postReceive ?? []),
		],
	};
	return {
		request,
		send: { paginate: true, preSend: [applyRequestSettings, ...preSend] },
		operations: { pagination: sendWithRetries },
		output,
	};
}
