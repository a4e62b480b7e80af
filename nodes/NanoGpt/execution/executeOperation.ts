import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { connectionOf, shareConnection, type Connection } from '../../shared/connection';
import { readRequestSettings, type RequestSettings } from '../shared/requestSettings';
import { runPostReceive, sendWithRetries, throwOnErrorStatus } from '../shared/transport';
import { applyFieldRouting } from './fieldRouting';
import { itemContextOf } from './itemContext';
import { planFor, type OperationPlan } from './operationPlan';

/** Sent with every operation unless its routing says otherwise (NanoGPT speaks JSON). */
const REQUEST_DEFAULTS = { Accept: 'application/json', 'Content-Type': 'application/json' };

type NodeError = NodeApiError | NodeOperationError;

function asNodeError(run: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(run.getNode(), error instanceof Error ? error : String(error), { itemIndex });
	nodeError.context = { ...(nodeError.context ?? {}), itemIndex };
	return nodeError;
}

/** One item: its request from the declared routing, preSend steps, the send with retries, then the output steps. */
async function runItem(
	run: IExecuteFunctions,
	plan: OperationPlan,
	connection: Connection,
	settings: RequestSettings,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<INodeExecutionData[]> {
	const context = itemContextOf(run, itemIndex, item);
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
	const { items, response } = await sendWithRetries(context, connection, requestOptions, settings, steps.slice(0, answeredAfter));
	return await runPostReceive(context, steps.slice(answeredAfter), items, response);
}

/**
 * The NanoGPT node's execute(): applies the selected operation's declared routing (and nothing else) to each
 * item. Per run: the credential and its Base URL are read and checked once, the request settings once. Per
 * item: only the operation's own parameters are evaluated. Items run concurrently under the run's pacing; each
 * output item is paired with its input; with Continue On Fail (or the error output) a failed item becomes an
 * error item paired with its input and the other items are unaffected.
 */
export async function executeOperation(run: IExecuteFunctions, properties: INodeProperties[]): Promise<INodeExecutionData[][]> {
	const items = run.getInputData();
	const resource = run.getNodeParameter('resource', 0) as string;
	const operation = run.getNodeParameter('operation', 0) as string;
	const plan = planFor(properties, resource, operation);
	if (!plan) throw new NodeOperationError(run.getNode(), `The operation "${operation}" of "${resource}" is not known to this version of the node`);

	let setup: { connection: Connection; settings: RequestSettings } | undefined;
	let setupError: unknown;
	try {
		const connection = await connectionOf(run);
		shareConnection(run, connection);
		setup = { connection, settings: readRequestSettings(itemContextOf(run, 0, items[0] ?? { json: {} })) };
	} catch (error) {
		setupError = error;
	}

	const outcomes = await Promise.allSettled(
		items.map(async (item, index) => {
			if (!setup) throw setupError;
			return await runItem(run, plan, setup.connection, setup.settings, index, item);
		}),
	);
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, index) => {
		const pairedItem = { item: index };
		if (outcome.status === 'fulfilled') {
			for (const result of outcome.value) output.push({ ...result, pairedItem });
			return;
		}
		const error = asNodeError(run, outcome.reason, index);
		if (!run.continueOnFail()) throw error;
		output.push({ json: { error: error.message }, error, pairedItem });
	});
	return [output];
}
