import type { FinishReason, StreamChunk } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';

import { reasoningOf } from './reasoning';
import { EmptyAnswerError, finishReasonOf, usageOf } from './responseParsing';
import { normalizeToolArguments } from './toolArguments';

/** The `data:` payloads of a server-sent-events body, one per event. */
export async function* sseData(body: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
	let buffer = '';
	let data: string[] = [];
	const decoder = new TextDecoder();
	const flushLine = function* (line: string): Generator<string> {
		if (line === '') {
			if (data.length) yield data.join('\n');
			data = [];
		} else if (line.startsWith('data:')) {
			data.push(line.slice(5).replace(/^ /, ''));
		}
	};
	for await (const chunk of body) {
		buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		let newline: number;
		while ((newline = buffer.search(/\r?\n/)) !== -1) {
			const line = buffer.slice(0, newline);
			buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
			yield* flushLine(line);
		}
	}
	if (buffer !== '') yield* flushLine(buffer);
	yield* flushLine('');
}

interface PendingToolCall {
	id?: string;
	name: string;
	arguments: string;
}

/**
 * NanoGPT stream events as SDK stream chunks: text live; reasoning and complete tool calls (normalised arguments)
 * at the end, so parallel tool calls never merge. An `error` event fails the call instead of truncating the answer.
 */
export async function* toStreamChunks(
	events: AsyncIterable<string>,
	fail: (payload: IDataObject) => Error,
): AsyncGenerator<StreamChunk> {
	let reasoning = '';
	let text = '';
	let finishReason: unknown;
	let lastPayload: IDataObject = {};
	const toolCalls = new Map<number, PendingToolCall>();
	for await (const data of events) {
		if (data.trim() === '[DONE]') break;
		let payload: IDataObject;
		try {
			payload = JSON.parse(data) as IDataObject;
		} catch {
			continue;
		}
		if (payload.error !== undefined) throw fail(payload);
		if (payload.usage || payload.x_nanogpt_pricing || payload.nanoGPT) lastPayload = { ...lastPayload, ...payload };
		const choice = ((payload.choices as IDataObject[] | undefined) ?? [])[0];
		if (!choice) continue;
		if (choice.finish_reason) finishReason = choice.finish_reason;
		const delta = (choice.delta ?? {}) as IDataObject;
		const reasoningDelta = reasoningOf(delta);
		if (reasoningDelta) reasoning += reasoningDelta.text;
		if (typeof delta.content === 'string' && delta.content !== '') {
			text += delta.content;
			yield { type: 'text-delta', delta: delta.content };
		}
		for (const call of (Array.isArray(delta.tool_calls) ? delta.tool_calls : []) as IDataObject[]) {
			const index = typeof call.index === 'number' ? call.index : toolCalls.size;
			const pending = toolCalls.get(index) ?? { name: '', arguments: '' };
			const fn = (call.function ?? {}) as IDataObject;
			if (typeof call.id === 'string' && call.id !== '') pending.id = call.id;
			if (typeof fn.name === 'string') pending.name += fn.name;
			if (typeof fn.arguments === 'string') pending.arguments += fn.arguments;
			toolCalls.set(index, pending);
		}
	}
	const calls = [...toolCalls.entries()].filter(([, call]) => call.name !== '');
	if (text.trim() === '' && calls.length === 0) {
		throw new EmptyAnswerError(typeof finishReason === 'string' ? finishReason : undefined);
	}
	if (reasoning !== '') yield { type: 'content', content: { type: 'reasoning', text: reasoning } };
	for (const [index, call] of calls) {
		yield {
			type: 'tool-call-delta',
			id: call.id ?? `call_${index}`,
			name: call.name,
			argumentsDelta: normalizeToolArguments(call.arguments),
		};
	}
	const reason: FinishReason = finishReasonOf(finishReason, calls.length > 0);
	yield { type: 'finish', finishReason: reason, usage: usageOf(lastPayload) };
}
