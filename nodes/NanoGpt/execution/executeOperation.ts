import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { connectionOf, shareConnection, type Connection } from '../../shared/connection';
import { redactError, redactSecretValues } from '../../shared/errors';
import { chunkCountFor, setChunkIndex } from '../shared/chunks';
import { readRequestSettings, type RequestSettings } from '../shared/requestSettings';
import { costOfItems, spendingCapOfRun, type SpendingCap } from '../shared/spendingCap';
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

/** One request of an item: its request from the declared routing, preSend steps, the send with retries, then the output steps. */
async function runRequest(
	run: IExecuteFunctions,
	plan: OperationPlan,
	connection: Connection,
	settings: RequestSettings,
	context: IExecuteSingleFunctions,
	cap?: SpendingCap,
): Promise<INodeExecutionData[]> {
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
	// Max Cost per Run: waits for (or refuses) a place under the cap; the answer's cost is recorded before the place is freed.
	const ticket = await cap?.admit(context);
	const { items, response } = await sendWithRetries(context, connection, requestOptions, settings, steps.slice(0, answeredAfter))
		.then((answer) => {
			ticket?.record(costOfItems(answer.items));
			return answer;
		})
		.finally(() => ticket?.release());
	return await runPostReceive(context, steps.slice(answeredAfter), items, response);
}

/**
 * One item: one request, or (operations declared with inChunks) one request per chunk of the item's list, one
 * after the other. When a later chunk fails, the outputs of the earlier (answered, billed) chunks are kept and,
 * with Continue On Fail, the failure follows them as an error item; without it the item fails.
 */
async function runItem(
	run: IExecuteFunctions,
	plan: OperationPlan,
	connection: Connection,
	settings: RequestSettings,
	itemIndex: number,
	item: INodeExecutionData,
	cap?: SpendingCap,
): Promise<INodeExecutionData[]> {
	const context = itemContextOf(run, itemIndex, item);
	const chunks = chunkCountFor(plan.countChunks, context);
	const output: INodeExecutionData[] = [];
	for (let chunk = 0; chunk < chunks; chunk++) {
		setChunkIndex(context, chunk);
		try {
			output.push(...(await runRequest(run, plan, connection, settings, context, cap)));
		} catch (error) {
			const nodeError = asNodeError(run, error, itemIndex);
			if (chunk === 0 || !run.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, error: nodeError });
			break;
		}
	}
	return output;
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

	const cap = spendingCapOfRun(run);
	const outcomes = await Promise.allSettled(
		items.map(async (item, index) => {
			if (!setup) throw setupError;
			return await runItem(run, plan, setup.connection, setup.settings, index, item, cap);
		}),
	);
	// The credential's key never reaches an output item or an error, whatever answer quoted it.
	const secrets = [setup?.connection.credentials.apiKey];
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, index) => {
		const pairedItem = { item: index };
		if (outcome.status === 'fulfilled') {
			for (const result of outcome.value) {
				output.push({
					...result,
					json: redactSecretValues(result.json, secrets),
					...(result.error ? { error: redactError(result.error as NodeError, secrets) } : {}),
					pairedItem,
				});
			}
			return;
		}
		const error = redactError(asNodeError(run, outcome.reason, index), secrets);
		if (!run.continueOnFail()) throw error;
		output.push({ json: { error: error.message }, error, pairedItem });
	});
	return [output];
}
