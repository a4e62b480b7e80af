import type { IExecuteFunctions, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { connectionOf, shareConnection, type Connection } from '../../shared/connection';
import { redactError, redactSecretValues } from '../../shared/errors';
import { readRequestSettings, type RequestSettings } from '../shared/requestSettings';
import { spendingCapOfRun, type SpendingCap } from '../shared/spendingCap';
import { runPostReceive } from '../shared/transport';
import { itemContextOf } from './itemContext';
import { planFor, type OperationPlan } from './operationPlan';
import { asNodeError, prepareRequest, sendPrepared, type NodeError } from './preparedRequest';
import { runAcrossItems } from './runAcrossItems';

/** One request of an item: prepared, sent with retries, then the output steps. */
async function runRequest(
	run: IExecuteFunctions,
	plan: OperationPlan,
	connection: Connection,
	settings: RequestSettings,
	context: IExecuteSingleFunctions,
	cap?: SpendingCap,
): Promise<INodeExecutionData[]> {
	const prepared = await prepareRequest(run, plan, settings, context);
	const { items, response } = await sendPrepared(context, connection, settings, prepared, cap);
	return await runPostReceive(context, prepared.outputSteps, items, response);
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
	const outcomes =
		setup && plan.acrossItems
			? await runAcrossItems(run, plan, plan.acrossItems, setup.connection, setup.settings, items, cap)
			: await Promise.allSettled(
					items.map(async (item, index) => {
						if (!setup) throw setupError;
						return await runRequest(run, plan, setup.connection, setup.settings, itemContextOf(run, index, item), cap);
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
