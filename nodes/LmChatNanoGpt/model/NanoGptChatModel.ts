// The only file that loads @n8n/ai-node-sdk at runtime. The node file requires it lazily inside supplyData,
// so n8n versions without the SDK still load the package (the main NanoGPT node keeps working).
import {
	BaseChatModel,
	getParametersJsonSchema,
	supplyModel,
	type ChatModelConfig,
	type GenerateResult,
	type Message,
	type StreamChunk,
} from '@n8n/ai-node-sdk';
import type { IDataObject, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nanoGptApiError, parseNanoGptError } from '../../NanoGpt/shared/errors';
import type { ChatModelSettings } from '../settings';
import { toNanoGptMessages } from './requestMessages';
import { EmptyAnswerError, fromChatCompletion } from './responseParsing';
import { sseData, toStreamChunks } from './streamParsing';
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
		const body: IDataObject = { model: this.modelId, messages: toNanoGptMessages(messages), ...this.settings.body };
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
		try {
			return fromChatCompletion(response, this.modelId);
		} catch (error) {
			throw this.userError(error);
		}
	}

	async *stream(messages: Message[], config?: CallConfig): AsyncIterable<StreamChunk> {
		const body = await this.transport.openStream(this.requestBody(messages, config, true), this.signalOf(config));
		try {
			yield* toStreamChunks(sseData(body), (payload) => this.streamError(payload));
		} catch (error) {
			throw this.userError(error);
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

/** What supplyData returns: the model wrapped by the SDK for n8n's AI root nodes. */
export function supplyNanoGptChatModel(context: ISupplyDataFunctions, settings: ChatModelSettings): SupplyData {
	return supplyModel(context, new NanoGptChatModel(context, settings));
}
