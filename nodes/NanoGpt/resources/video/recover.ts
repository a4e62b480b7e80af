import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteAnswer } from '../../../shared/errors';
import { checkNumberInRange, optionalText } from '../../shared/parameters';
import { credentialSecrets } from '../../shared/secrets';
import { normalizeVideoStatus } from './videoStatus';

const show = { resource: ['video'], operation: ['recover'] };

/** The documented range of ?limit= (default 10 on NanoGPT's side). */
const MAX_RECOVER_LIMIT = 50;

/**
 * preSend of Video > Recover Recent Runs: only the filters that are set, trimmed; Limit a whole number 1-50
 * (sent as a number).
 */
export async function setRecoverQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('recoverFilters', {}) as IDataObject;
	const qs: IDataObject = {};
	const model = optionalText(this, filters.model, 'Model');
	if (model !== '') qs.model = model;
	const conversation = optionalText(this, filters.conversationUUID, 'Conversation UUID');
	if (conversation !== '') qs.conversationUUID = conversation;
	if (filters.limit !== undefined && filters.limit !== '') {
		qs.limit = checkNumberInRange(this, filters.limit, 'Limit', { min: 1, max: MAX_RECOVER_LIMIT, integer: true });
	}
	requestOptions.qs = qs;
	return requestOptions;
}

function objectOf(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The list of runs in the answer: an array at runs, data, items, results or videos (or the data of the answer). */
function runsOf(body: IDataObject): unknown[] | undefined {
	for (const key of ['runs', 'data', 'items', 'results', 'videos', 'jobs']) {
		if (Array.isArray(body[key])) return body[key] as unknown[];
	}
	const data = objectOf(body.data);
	if (data) return runsOf(data);
	return undefined;
}

/**
 * postReceive of Video > Recover Recent Runs: one item per run, each with the normalized state Video > Get Status
 * gives (requestId, model, status, done, videoUrl...) and NanoGPT's run as it was in "raw". No runs: no items.
 */
export async function outputRecoveredRuns(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const runs = runsOf(body);
	if (!runs) {
		throw new NodeOperationError(this.getNode(), 'NanoGPT answered the recent runs without a list of runs', {
			description: `The answer was ${quoteAnswer(body, await credentialSecrets(this), 300)}.`,
		});
	}
	return runs
		.map((run) => objectOf(run))
		.filter((run): run is IDataObject => run !== undefined)
		.map((run) => {
			const id = [run.runId, run.requestId, run.id, run.taskId].find((value) => typeof value === 'string' && value.trim() !== '');
			const status = normalizeVideoStatus(run, typeof id === 'string' ? id.trim() : '');
			return {
				json: {
					requestId: status.requestId || null,
					model: status.model,
					status: status.status,
					done: status.done,
					videoUrl: status.videoUrl,
					progress: status.progress,
					error: status.error,
					cost: status.cost,
					createdAt: run.createdAt ?? run.created_at ?? null,
					raw: run,
				},
			};
		});
}

export const recoverFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'recoverFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only the filters you add are sent (without Limit NanoGPT returns 10 runs). NanoGPT allows this request 20 times per minute.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Conversation UUID',
				name: 'conversationUUID',
				type: 'string',
				default: '',
				description: 'Only runs of this conversation',
				routing: { send: { type: 'query', property: 'conversationUUID' } },
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1, maxValue: MAX_RECOVER_LIMIT, numberPrecision: 0 },
				description: 'Max number of results to return',
				routing: { send: { type: 'query', property: 'limit' } },
			},
			{
				displayName: 'Model',
				name: 'model',
				type: 'string',
				default: '',
				placeholder: 'e.g. sora-2',
				description: 'Only runs of this video model (its ID)',
				routing: { send: { type: 'query', property: 'model' } },
			},
		],
	},
];
