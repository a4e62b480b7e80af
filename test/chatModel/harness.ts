import path from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	IExecuteData,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from '../helpers/credentialsHelper';
import { loadPackage } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';

export const CHAT_MODEL_TYPE = 'n8n-nodes-nanogpt.lmChatNanoGpt';
export const CHAT_MODEL_NODE = 'NanoGPT Chat Model';
const PROBE_TYPE = 'test.aiRootProbe';
const PROBE_NODE = 'AI Root Probe';

/** LangChain as n8n's AI root nodes see it: the copy @n8n/ai-utilities (the SDK) uses. */
const sdkDir = path.dirname(require.resolve('@n8n/ai-utilities'));
export const lc: any = require(require.resolve('@langchain/core/messages', { paths: [sdkDir] }));
export const zod: any = require(require.resolve('zod', { paths: [sdkDir] }));

/** What the probe does with the model it received from the sub-node; its return value becomes the output item. */
export type Scenario = (model: any) => Promise<IDataObject>;

let currentScenario: Scenario | undefined;

/**
 * A minimal AI root node (like the AI Agent or Basic LLM Chain): one ai_languageModel input, which n8n-core resolves
 * by running the connected sub-node's supplyData in a real SupplyDataContext.
 */
class AiRootProbe implements INodeType {
	description = {
		displayName: 'AI Root Probe',
		name: 'aiRootProbe',
		group: ['transform'],
		version: 1,
		description: 'Test root node',
		defaults: { name: PROBE_NODE },
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiLanguageModel, displayName: 'Model', required: true, maxConnections: 1 },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const model = await this.getInputConnectionData(NodeConnectionTypes.AiLanguageModel, 0);
		if (!currentScenario) throw new Error('No scenario');
		return [[{ json: await currentScenario(model) }]];
	}
}

export interface ChatRunResult {
	run: IRun;
	output?: IDataObject;
	error?: Error & { description?: string; context?: IDataObject };
	/** What n8n recorded for the sub-node (the inputs and outputs N8nLlmTracing logs). */
	subNodeRuns: unknown[];
}

export async function runWithChatModel(
	parameters: INodeParameters,
	scenario: Scenario,
	options: { baseUrl: string; apiKey?: string },
): Promise<ChatRunResult> {
	const pkg = await loadPackage();
	const nodeTypes: Record<string, INodeType> = {
		...(pkg.nodeTypes as Record<string, INodeType>),
		[PROBE_TYPE]: new AiRootProbe(),
	};
	const types = {
		getByName: (type: string) => nodeTypes[type],
		getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeTypes[type], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
	const probe: INode = { id: 'probe', name: PROBE_NODE, type: PROBE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const chatModel: INode = {
		id: 'chat-model',
		name: CHAT_MODEL_NODE,
		type: CHAT_MODEL_TYPE,
		typeVersion: 1,
		position: [0, 200],
		parameters,
		credentials: { nanoGptApi: { id: '1', name: 'NanoGPT account' } },
	};
	const connections = {
		[CHAT_MODEL_NODE]: {
			[NodeConnectionTypes.AiLanguageModel]: [[{ node: PROBE_NODE, type: NodeConnectionTypes.AiLanguageModel, index: 0 }]],
		},
	};
	const workflow = new Workflow({
		id: 'chat-model-workflow',
		name: 'Chat model test',
		nodes: [probe, chatModel],
		connections,
		active: false,
		nodeTypes: types,
		settings: { executionOrder: 'v1' },
	});
	const helper = new TestCredentialsHelper(pkg.credentialTypes, {
		nanoGptApi: { apiKey: options.apiKey ?? VALID_KEY, baseUrl: options.baseUrl },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'chat-execution', {
		id: 'chat-model-workflow',
		name: 'Chat model test',
		active: false,
		nodes: [probe, chatModel],
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	const additionalData = {
		hooks,
		credentialsHelper: helper,
		executionId: 'chat-execution',
		variables: {},
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: probe, data: { main: [[{ json: {} }]] }, source: null } as IExecuteData] },
	});
	currentScenario = scenario;
	try {
		const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
		const taskData = run.data.resultData.runData[PROBE_NODE]?.[0];
		return {
			run,
			output: taskData?.data?.main?.[0]?.[0]?.json,
			error: (run.data.resultData.error ?? taskData?.error) as ChatRunResult['error'],
			subNodeRuns: run.data.resultData.runData[CHAT_MODEL_NODE] ?? [],
		};
	} finally {
		currentScenario = undefined;
	}
}

/** Chat model parameters with the model given by ID. */
export function chatModelParameters(model: string, options: IDataObject = {}): INodeParameters {
	return { model: { __rl: true, mode: 'id', value: model }, options } as INodeParameters;
}

/** A NanoGPT chat completion body. */
export function completion(message: IDataObject, extra: IDataObject = {}): IDataObject {
	return {
		id: 'chatcmpl-test',
		object: 'chat.completion',
		created: 1763780000,
		model: 'test-model',
		choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: extra.finish_reason ?? 'stop' }],
		usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
		x_nanogpt_pricing: { cost: 0.00042, currency: 'USD', paymentSource: 'USD' },
		...extra,
	};
}

/** A server-sent-events body from chunk payloads, ending with [DONE]. */
export function sseBody(payloads: IDataObject[]): string {
	return `${payloads.map((payload) => `data: ${JSON.stringify(payload)}\n\n`).join('')}data: [DONE]\n\n`;
}
