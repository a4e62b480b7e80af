import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The operations NanoGPT bills (resource -> operations); the cap field is shown for these only. */
export const BILLED_OPERATIONS: Record<string, string[]> = {
	text: ['ask', 'complete', 'createResponse', 'message', 'moderate', 'compressMemory'],
	image: ['create', 'edit', 'checkNsfw'],
	audio: ['createSpeech', 'createTranscription', 'cloneVoice'],
	video: ['generate', 'extend'],
	embeddings: ['create'],
	web: ['search', 'scrapeUrls'],
	youtube: ['getTranscript'],
};

/** One "Max Cost per Run (USD)" field per billed resource, each shown for that resource's billed operations. */
export const spendingCapFields: INodeProperties[] = Object.entries(BILLED_OPERATIONS).map(([resource, operations]) => ({
	displayName: 'Max Cost per Run (USD)',
	name: 'maxCostPerRun',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: 0,
	displayOptions: { show: { resource: [resource], operation: operations } },
	description:
		'Stops sending requests once the cost NanoGPT reports for this run of the node adds up to this amount; the items not sent fail with an error. Requests already on their way still finish (see the README). 0 means no cap.',
}));

/** The cost NanoGPT reported for one answered request, read from the node's output items (first one found). */
export function costOfItems(items: INodeExecutionData[]): number | undefined {
	for (const item of items) {
		const cost = costOfJson(item.json);
		if (cost !== undefined) return cost;
	}
	return undefined;
}

function costOfJson(json: IDataObject | undefined): number | undefined {
	if (!json || typeof json !== 'object') return undefined;
	const nested = (key: string) => (json[key] && typeof json[key] === 'object' ? (json[key] as IDataObject) : undefined);
	const candidates = [
		json.cost,
		json.costUsd,
		nested('x_nanogpt_pricing')?.cost,
		nested('x_nanogpt_pricing')?.amount,
		nested('nanoGPT')?.cost,
		nested('metadata')?.cost,
		nested('summary')?.totalCost,
		nested('submission')?.cost,
		nested('data')?.cost,
		nested('raw')?.cost,
	];
	for (const candidate of candidates) {
		const cost = typeof candidate === 'number' ? candidate : typeof candidate === 'string' && candidate.trim() !== '' ? Number(candidate) : NaN;
		if (Number.isFinite(cost) && cost >= 0) return cost;
	}
	return undefined;
}

/** A place in the cap for one request: record what it cost once answered, release it in every case. */
export interface CapTicket {
	record(cost: number | undefined): void;
	release(): void;
}

/**
 * Adds up what NanoGPT reports per answered request in one node run and starts no request once the cap is reached.
 * While requests are on their way, a new one starts only if the run's spending so far plus the average cost of one
 * request times the requests in flight (itself included) stays within the cap; otherwise it waits for those answers.
 * So the run overshoots by at most about one request's cost (more only when costs vary a lot between items).
 * Before the first cost is known, requests start one at a time.
 */
export class SpendingCap {
	spent = 0;

	answered = 0;

	private inFlight = 0;

	private waiting: Array<() => void> = [];

	private queue: Promise<void> = Promise.resolve();

	constructor(readonly maxCost: number) {}

	get reached(): boolean {
		return this.spent >= this.maxCost;
	}

	private averageCost(): number | undefined {
		return this.answered > 0 ? this.spent / this.answered : undefined;
	}

	private mayStart(): boolean {
		if (this.inFlight === 0) return true;
		const average = this.averageCost();
		return average !== undefined && this.spent + (this.inFlight + 1) * average <= this.maxCost;
	}

	/**
	 * Waits until this request may start (requests are admitted in the order they asked), or throws the cap error
	 * once the cap is reached. Every ticket must be released (in a `finally`), or later requests wait forever.
	 */
	async admit(context: IExecuteSingleFunctions): Promise<CapTicket> {
		const previous = this.queue;
		let done!: () => void;
		this.queue = new Promise<void>((resolve) => (done = resolve));
		try {
			await previous;
			for (;;) {
				if (this.reached) throw this.capError(context);
				if (this.mayStart()) break;
				await new Promise<void>((resolve) => this.waiting.push(resolve));
			}
			this.inFlight++;
		} finally {
			done();
		}
		let open = true;
		let recorded = false;
		return {
			record: (cost) => {
				if (!open || recorded) return;
				recorded = true;
				this.spent += cost ?? 0;
				this.answered++;
			},
			release: () => {
				if (!open) return;
				open = false;
				this.inFlight--;
				for (const wake of this.waiting.splice(0)) wake();
			},
		};
	}

	capError(context: IExecuteSingleFunctions): NodeOperationError {
		const amount = `$${Number(this.maxCost.toPrecision(6))}`;
		return new NodeOperationError(
			context.getNode(),
			`The spending cap of ${amount} reached after ${this.answered} item${this.answered === 1 ? '' : 's'}: this item was not sent`,
			{
				itemIndex: context.getItemIndex(),
				description: `NanoGPT reported $${Number(this.spent.toPrecision(6))} for this run so far. Raise Max Cost per Run (USD), or set it to 0 for no cap.`,
			},
		);
	}
}

/** The cap of one node run (read once per run), or undefined when Max Cost per Run is 0 or not shown. */
export function spendingCapOfRun(run: { getNodeParameter(name: string, itemIndex: number, fallbackValue?: unknown): unknown }): SpendingCap | undefined {
	let maxCost: number;
	try {
		maxCost = Number(run.getNodeParameter('maxCostPerRun', 0, 0));
	} catch {
		return undefined;
	}
	return Number.isFinite(maxCost) && maxCost > 0 ? new SpendingCap(maxCost) : undefined;
}
