import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/** A decimal string such as "129.46956147" (NanoGPT sends balances as strings) as a number, or null. */
export function decimalOf(value: unknown): number | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** postReceive of Account > Get Balance: the balances as numbers, the raw strings kept next to them. */
export async function outputBalance(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	return [
		{
			json: {
				usdBalance: decimalOf(body.usd_balance),
				nanoBalance: decimalOf(body.nano_balance),
				nanoDepositAddress: body.nanoDepositAddress ?? null,
				...body,
			},
		},
	];
}

/** postReceive of Account > Receive Nano: adds the received total as a number. */
export async function outputReceivedNano(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	const blocks = Array.isArray(body.received_blocks) ? body.received_blocks : [];
	return [
		{
			json: {
				success: body.success ?? null,
				totalReceived: decimalOf(body.total_received),
				receivedBlockCount: blocks.length,
				...body,
			},
		},
	];
}
