import type { INodeProperties } from 'n8n-workflow';

/**
 * NanoGPT Context Memory on chat requests, as the model suffix ":memory" or ":memory-<days>" (documented in the
 * OpenAPI spec's ChatCompletionRequest.model). The suffix goes before any ":online..." web search suffix, in the
 * order NanoGPT documents (e.g. "claude:memory-30:online/linkup-deep"). A model that already has one is left alone.
 */
export function withMemorySuffix(model: string, days?: number): string {
	if (/:memory(?:-\d+)?(?=$|:)/.test(model)) return model;
	const suffix = days === undefined ? ':memory' : `:memory-${days}`;
	const online = model.indexOf(':online');
	return online === -1 ? `${model}${suffix}` : `${model.slice(0, online)}${suffix}${model.slice(online)}`;
}

/** The Context Memory options shared by Text > Ask and the NanoGPT Chat Model. */
export const contextMemoryOptions: INodeProperties[] = [
	{
		displayName: 'Context Memory',
		name: 'contextMemory',
		type: 'boolean',
		default: true,
		description:
			"Whether NanoGPT keeps a compressed memory of long conversations (adds :memory to the model; billed by NanoGPT's Context Memory pricing)",
	},
	{
		displayName: 'Context Memory Days',
		name: 'contextMemoryDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1, maxValue: 365, numberPrecision: 0 },
		description: 'How long NanoGPT keeps the memory (1 to 365 days; used with Context Memory, adds :memory-DAYS to the model)',
	},
];
