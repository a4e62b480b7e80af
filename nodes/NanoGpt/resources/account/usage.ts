import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const show = { resource: ['account'], operation: ['getUsage'] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date parameter (a date picker value, an ISO timestamp or YYYY-MM-DD) as the UTC day NanoGPT expects. */
function utcDay(context: IExecuteSingleFunctions, value: unknown, displayName: string): string {
	const text = String(value ?? '').trim();
	const day = DATE.test(text) ? text : text.slice(0, 10);
	const parsed = new Date(`${day}T00:00:00Z`);
	if (!DATE.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
		throw new NodeOperationError(context.getNode(), `The parameter "${displayName}" is not a date`, {
			description: `Received ${JSON.stringify(value)}. Use a date such as 2026-05-01 (UTC).`,
		});
	}
	return day;
}

/** preSend: From and To both or neither (as UTC days, From not after To), the grouping as NanoGPT names it. */
export async function buildUsageQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = { group_by: this.getNodeParameter('groupBy', 'day,model') };
	const from = String(this.getNodeParameter('from', '') ?? '').trim();
	const to = String(this.getNodeParameter('to', '') ?? '').trim();
	if ((from === '') !== (to === '')) {
		throw new NodeOperationError(this.getNode(), 'Set both "From" and "To", or neither', {
			description: 'NanoGPT needs a complete date range. Leave both empty for its default period.',
		});
	}
	if (from !== '') {
		qs.from = utcDay(this, from, 'From');
		qs.to = utcDay(this, to, 'To');
		if (String(qs.from) > String(qs.to)) {
			throw new NodeOperationError(this.getNode(), 'The parameter "From" is after "To"', {
				description: `From is ${qs.from} and To is ${qs.to}; swap them.`,
			});
		}
	}
	requestOptions.qs = { ...(requestOptions.qs ?? {}), ...qs };
	return requestOptions;
}

const ROWS: Record<string, string> = { day: 'byDay', model: 'byModel', 'day,model': 'byDayModel' };

/** postReceive: the whole report, or one item per row of the chosen grouping. */
export async function outputUsage(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	if (this.getNodeParameter('output', 'report') !== 'rows') return [{ json: body }];
	const key = ROWS[String(body.groupBy ?? this.getNodeParameter('groupBy', 'day,model'))] ?? 'byDayModel';
	const rows = Array.isArray(body[key]) ? (body[key] as IDataObject[]) : [];
	return rows.map((row) => ({ json: { ...row, from: body.from ?? null, to: body.to ?? null } }));
}

export const usageFields: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'First UTC day of the period (with To). Leave both empty for NanoGPT’s default period.',
		displayOptions: { show },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'Last UTC day of the period, inclusive (not in the future)',
		displayOptions: { show },
	},
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		default: 'day,model',
		displayOptions: { show },
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Day and Model', value: 'day,model' },
			{ name: 'Model', value: 'model' },
		],
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'report',
		displayOptions: { show },
		options: [
			{ name: 'Report', value: 'report', description: 'One item with the totals and the grouped rows' },
			{ name: 'One Item per Row', value: 'rows', description: 'One item per day, model or day and model' },
		],
	},
];
