import type { ReasoningField } from './reasoning';

/** The reasoning of an assistant turn that called tools, as NanoGPT sent it. */
export interface ToolTurnReasoning {
	text: string;
	field: ReasoningField;
	details?: unknown;
}

/** A tool call of an assistant turn: what identifies the turn when the root node sends it back. */
export interface ToolCallKey {
	toolCallId: string;
	toolName: string;
}

/** Enough for the tool turns of many concurrent agent runs; the oldest entries go first. */
const MAX_ENTRIES = 200;
/** The model's own fallback IDs (`call_<index>`) are not unique enough to recognise a turn by. */
const FALLBACK_ID = /^call_\d+$/;

const remembered = new Map<string, ToolTurnReasoning>();

function keyOf(executionId: string, call: ToolCallKey): string | undefined {
	if (!call.toolCallId || FALLBACK_ID.test(call.toolCallId)) return undefined;
	return JSON.stringify([executionId, call.toolCallId, call.toolName]);
}

/**
 * Remembers the reasoning of a tool-call turn for this execution. n8n 2.x's AI Agent runs tools as separate engine
 * steps and rebuilds the assistant turn from its own records, which keep the tool calls but not the reasoning;
 * reasoning models (DeepSeek, Kimi, Claude with thinking) need it back on the next call.
 */
export function rememberToolTurnReasoning(executionId: string, calls: ToolCallKey[], reasoning: ToolTurnReasoning): void {
	if (reasoning.text === '') return;
	for (const call of calls) {
		const key = keyOf(executionId, call);
		if (key === undefined) continue;
		remembered.delete(key);
		remembered.set(key, reasoning);
	}
	while (remembered.size > MAX_ENTRIES) remembered.delete(remembered.keys().next().value as string);
}

/** The reasoning remembered for an assistant turn with these tool calls in this execution, if any. */
export function recallToolTurnReasoning(executionId: string, calls: ToolCallKey[]): ToolTurnReasoning | undefined {
	for (const call of calls) {
		const key = keyOf(executionId, call);
		const reasoning = key === undefined ? undefined : remembered.get(key);
		if (reasoning) return reasoning;
	}
	return undefined;
}
