import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Connection } from '../../shared/connection';
import type { RequestSettings } from '../shared/requestSettings';
import { costOfItems, type SpendingCap } from '../shared/spendingCap';
import { sendWithRetries, throwOnErrorStatus, type ReceiveAction } from '../shared/transport';
import { applyFieldRouting } from './fieldRouting';
import type { OperationPlan } from './operationPlan';

/** Sent with every operation unless its routing says otherwise (NanoGPT speaks JSON). */
const REQUEST_DEFAULTS = { Accept: 'application/json', 'Content-Type': 'application/json' };

export type NodeError = NodeApiError | NodeOperationError;

export function asNodeError(run: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(run.getNode(), error instanceof Error ? error : String(error), { itemIndex });
	nodeError.context = { ...(nodeError.context ?? {}), itemIndex };
	return nodeError;
}

export interface PreparedRequest {
	requestOptions: IHttpRequestOptions;
	/** The steps that tell an answer from an error (sent with the retries). */
	answerSteps: ReceiveAction[];
	/** The steps that turn the answer into output items. */
	outputSteps: ReceiveAction[];
}

/** An item's request from the declared routing and its preSend steps, and the output steps that go with it. */
export async function prepareRequest(
	run: IExecuteFunctions,
	plan: OperationPlan,
	settings: RequestSettings,
	context: IExecuteSingleFunctions,
): Promise<PreparedRequest> {
	const declared = plan.request;
	let requestOptions: IHttpRequestOptions = {
		method: declared.method ?? 'GET',
		url: declared.url ?? '',
		qs: { ...(declared.qs ?? {}) },
		body: {},
		headers: { ...REQUEST_DEFAULTS, ...(declared.headers ?? {}) },
		json: true,
		...(declared.encoding ? { encoding: declared.encoding } : {}),
		timeout: settings.timeoutMs,
	};
	const fieldSteps = applyFieldRouting(context, run.getNode().parameters, plan.fields, requestOptions);
	for (const step of plan.preSend) requestOptions = await step.call(context, requestOptions);
	const steps = [...plan.postReceive, ...fieldSteps];
	const answeredAfter = steps.indexOf(throwOnErrorStatus) + 1;
	return { requestOptions, answerSteps: steps.slice(0, answeredAfter), outputSteps: steps.slice(answeredAfter) };
}

/** Sends a prepared request with retries, under Max Cost per Run (the answer's cost is recorded before its place is freed). */
export async function sendPrepared(
	context: IExecuteSingleFunctions,
	connection: Connection,
	settings: RequestSettings,
	prepared: PreparedRequest,
	cap?: SpendingCap,
): Promise<{ items: INodeExecutionData[]; response: IN8nHttpFullResponse }> {
	const ticket = await cap?.admit(context);
	return await sendWithRetries(context, connection, prepared.requestOptions, settings, prepared.answerSteps)
		.then((answer) => {
			ticket?.record(costOfItems(answer.items));
			return answer;
		})
		.finally(() => ticket?.release());
}
