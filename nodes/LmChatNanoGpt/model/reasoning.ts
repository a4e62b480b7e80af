import type { IDataObject } from 'n8n-workflow';

/** Where NanoGPT put the reasoning: `reasoning` (current API) or `reasoning_content` (legacy and some providers). */
export type ReasoningField = 'reasoning' | 'reasoning_content';

export interface ReasoningOfMessage {
	text: string;
	field: ReasoningField;
}

/** The reasoning text of a response message or stream delta, whichever field carries it. */
export function reasoningOf(message: IDataObject | undefined): ReasoningOfMessage | undefined {
	if (!message) return undefined;
	for (const field of ['reasoning', 'reasoning_content'] as const) {
		const value = message[field];
		if (typeof value === 'string' && value !== '') return { text: value, field };
		if (value && typeof value === 'object' && typeof (value as IDataObject).text === 'string') {
			const text = (value as IDataObject).text as string;
			if (text !== '') return { text, field };
		}
	}
	return undefined;
}

/** What the model keeps in GenerateResult.providerMetadata so reasoning can be sent back on tool turns. */
export interface NanoGptMetadata {
	reasoningField?: ReasoningField;
	reasoningDetails?: unknown;
	cost?: number;
	model?: string;
}

export const METADATA_KEY = 'nanoGpt';

export function nanoGptMetadataOf(providerMetadata: unknown): NanoGptMetadata | undefined {
	if (!providerMetadata || typeof providerMetadata !== 'object') return undefined;
	const value = (providerMetadata as IDataObject)[METADATA_KEY];
	return value && typeof value === 'object' ? (value as NanoGptMetadata) : undefined;
}
