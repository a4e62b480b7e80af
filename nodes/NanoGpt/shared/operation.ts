import type {
	DeclarativeRestApiSettings,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { requireJsonObjectBody } from './responses';
import { throwOnErrorStatus } from './transport';

/**
 * The routing of one operation, declared on its option: the request (method, URL), the operation's preSend
 * steps (validation, body), and its postReceive steps after the shared ones (NanoGPT errors in clear words,
 * then a JSON object body unless the operation receives a file). The node's execute() applies it, with
 * per-item retries, pacing and pairing (see ../execution/executeOperation.ts).
 */
export function operationRouting(
	request: DeclarativeRestApiSettings.HttpRequestOptions,
	preSend: PreSendAction[] = [],
	options: { postReceive?: PostReceiveAction[]; jsonBody?: boolean } = {},
): INodePropertyRouting {
	return {
		request,
		send: { preSend },
		output: {
			postReceive: [
				throwOnErrorStatus,
				...(options.jsonBody === false ? [] : [requireJsonObjectBody]),
				...(options.postReceive ?? []),
			],
		},
	};
}
