// The only file that loads @n8n/ai-node-sdk at runtime. The node file requires it lazily inside supplyData,
// so n8n versions without the SDK still load the package (the main NanoGPT node keeps working).
import {
	BaseChatModel,
	getParametersJsonSchema,
	supplyModel,
	type ChatModelConfig,
	type ContentToolCall,
	type GenerateResult,
	type Message,
	type MessageContent,
	type StreamChunk,
} from '@n8n/ai-node-sdk';
import type { IDataObject, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nanoGptApiError, parseNanoGptError } from '../../shared/errors';
import type { ChatModelSettings } from '../settings';
import { toNanoGptMessages } from './requestMessages';
import { EmptyAnswerError, fromChatCompletion } from './responseParsing';
import { nanoGptMetadataOf } from './reasoning';
import { sseData, toStreamChunks } from './streamParsing';
import {
	recallToolTurnReasoning,
	rememberToolTurnReasoning,
	type ToolCallKey,
	type ToolTurnReasoning,
} from './toolTurnReasoning';
import { NanoGptTransport } from './transport';

type CallConfig = ChatModelConfig & { signal?: AbortSignal; stop?: string[] };

/** NanoGPT's chat completions as an n8n SDK chat model: tool calling, reasoning pass-back, streaming. */
export class NanoGptChatModel extends BaseChatModel {
	constructor(
		private readonly context: ISupplyDataFunctions,
		private readonly settings: ChatModelSettings,
		private readonly transport: NanoGptTransport = new NanoGptTransport(context, settings),
	) {
		super('nanogpt', settings.model);
	}

	/** The JSON body of one call: model, messages, the node's options, tools and stop sequences. */
	requestBody(messages: Message[], config: CallConfig | undefined, stream: boolean): IDataObject {
		const recall = (calls: ToolCallKey[]) => recallToolTurnReasoning(this.executionId(), calls);
		const body: IDataObject = { model: this.modelId, messages: toNanoGptMessages(messages, recall), ...this.settings.body };
		const stop = config?.stopSequences ?? config?.stop;
		if (Array.isArray(stop) && stop.length > 0) body.stop = stop;
		const functionTools = this.tools.filter((tool) => tool.type === 'function');
		if (functionTools.length > 0) {
			body.tools = functionTools.map((tool) => {
				const parameters = { ...(getParametersJsonSchema(tool) as IDataObject) };
				delete parameters.$schema;
				return {
					type: 'function',
					function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters },
				};
			});
			if (this.settings.parallelToolCalls !== undefined) body.parallel_tool_calls = this.settings.parallelToolCalls;
		}
		if (stream) {
			body.stream = true;
			body.stream_options = { include_usage: true };
		}
		return body;
	}

	async generate(messages: Message[], config?: CallConfig): Promise<GenerateResult> {
		const response = await this.transport.complete(this.requestBody(messages, config, false), this.signalOf(config));
		if (response.error !== undefined && !Array.isArray(response.choices)) throw this.streamError(response);
		let result: GenerateResult;
		try {
			result = fromChatCompletion(response, this.modelId);
		} catch (error) {
			throw this.userError(error);
		}
		const metadata = nanoGptMetadataOf(result.providerMetadata);
		this.rememberReasoning(result.message.content, {
			text: reasoningText(result.message.content),
			field: metadata?.reasoningField ?? 'reasoning',
			details: metadata?.reasoningDetails,
		});
		return result;
	}

	async *stream(messages: Message[], config?: CallConfig): AsyncIterable<StreamChunk> {
		const body = await this.transport.openStream(this.requestBody(messages, config, true), this.signalOf(config));
		let reasoning = '';
		const calls: ToolCallKey[] = [];
		try {
			for await (const chunk of toStreamChunks(sseData(body), (payload) => this.streamError(payload))) {
				if (chunk.type === 'content' && chunk.content.type === 'reasoning') reasoning += chunk.content.text;
				if (chunk.type === 'tool-call-delta' && chunk.id && chunk.name) calls.push({ toolCallId: chunk.id, toolName: chunk.name });
				yield chunk;
			}
		} catch (error) {
			throw this.userError(error);
		}
		if (calls.length > 0) rememberToolTurnReasoning(this.executionId(), calls, { text: reasoning, field: 'reasoning' });
	}

	/** Keeps the reasoning of a tool-call turn for the next call of this execution (see toolTurnReasoning.ts). */
	private rememberReasoning(content: MessageContent[], reasoning: ToolTurnReasoning): void {
		const calls = content
			.filter((part): part is ContentToolCall => part.type === 'tool-call')
			.map((call) => ({ toolCallId: call.toolCallId ?? '', toolName: call.toolName }));
		if (calls.length > 0) rememberToolTurnReasoning(this.executionId(), calls, reasoning);
	}

	private executionId(): string {
		try {
			return String(this.context.getExecutionId() ?? '');
		} catch {
			return '';
		}
	}

	private signalOf(config?: CallConfig): AbortSignal | undefined {
		return config?.abortSignal ?? config?.signal;
	}

	private streamError(payload: IDataObject): Error {
		const nested = payload.error as IDataObject | undefined;
		const status = Number(nested?.status ?? payload.status);
		const details = parseNanoGptError(Number.isInteger(status) && status >= 400 ? status : 502, payload);
		return nanoGptApiError(this.context.getNode(), details, { model: this.modelId });
	}

	private userError(error: unknown): Error {
		if (!(error instanceof EmptyAnswerError)) return error as Error;
		const truncated = error.finishReason === 'length';
		return new NodeOperationError(this.context.getNode(), error.message, {
			description: truncated
				? 'The model used up Max Tokens (reasoning models spend tokens on thinking first). Raise Max Tokens or lower Reasoning Effort.'
				: `"${this.modelId}" answered with neither text nor a tool call. Try again, or pick a model marked "Tools" for agents.`,
		});
	}
}

function reasoningText(content: MessageContent[]): string {
	return content
		.filter((part) => part.type === 'reasoning')
		.map((part) => (part as { text: string }).text)
		.join('');
}

/** What supplyData returns: the model wrapped by the SDK for n8n's AI root nodes. */
export function supplyNanoGptChatModel(context: ISupplyDataFunctions, settings: ChatModelSettings): SupplyData {
	return supplyModel(context, new NanoGptChatModel(context, settings));
}
