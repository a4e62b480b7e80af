import type {
	DeclarativeRestApiSettings,
	INodeRequestOutput,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { applyRequestSettings } from './requestSettings';
import { requireJsonObjectBody } from './responses';
import { executeItem } from './itemExecution';
import { throwOnErrorStatus } from './transport';

/**
 * The routing every operation shares: the operation's own preSend steps after the timeout setting and
 * per-item retries (both run by executeItem as requestOperations.pagination, so every failure of an item is
 * handled in one place), and NanoGPT errors turned into clear node errors.
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
		send: { paginate: true },
		operations: { pagination: executeItem([applyRequestSettings, ...preSend]) },
		output,
	};
}
