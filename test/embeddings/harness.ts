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

export const EMBEDDINGS_TYPE = 'n8n-nodes-nanogpt.embeddingsNanoGpt';
const EMBEDDINGS_NODE = 'NanoGPT Embeddings';
const PROBE_TYPE = 'test.vectorStoreProbe';
const PROBE_NODE = 'Vector Store Probe';

/** n8n's own in-memory vector store manager (what the Simple Vector Store node uses), from @n8n/ai-utilities. */
export const { MemoryVectorStoreManager } = require('@n8n/ai-utilities');
const sdkDir = path.dirname(require.resolve('@n8n/ai-utilities'));
export const { Document } = require(require.resolve('@langchain/core/documents', { paths: [sdkDir] }));

export type Scenario = (embeddings: any, context: IExecuteFunctions) => Promise<IDataObject>;
let currentScenario: Scenario | undefined;

/** A minimal vector store root node: one ai_embedding input, resolved by n8n-core from the sub-node's supplyData. */
class VectorStoreProbe implements INodeType {
	description = {
		displayName: 'Vector Store Probe',
		name: 'vectorStoreProbe',
		group: ['transform'],
		version: 1,
		description: 'Test root node',
		defaults: { name: PROBE_NODE },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiEmbedding, displayName: 'Embedding', required: true, maxConnections: 1 }],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const embeddings = await this.getInputConnectionData(NodeConnectionTypes.AiEmbedding, 0);
		if (!currentScenario) throw new Error('No scenario');
		return [[{ json: await currentScenario(embeddings, this) }]];
	}
}

interface RunResult {
	run: IRun;
	output?: IDataObject;
	error?: Error & { description?: string };
	subNodeRuns: any[];
}

export async function runWithEmbeddings(parameters: INodeParameters, scenario: Scenario, baseUrl: string): Promise<RunResult> {
	const pkg = await loadPackage();
	const nodeTypes: Record<string, INodeType> = { ...(pkg.nodeTypes as Record<string, INodeType>), [PROBE_TYPE]: new VectorStoreProbe() };
	const types = {
		getByName: (type: string) => nodeTypes[type],
		getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeTypes[type], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
	const probe: INode = { id: 'probe', name: PROBE_NODE, type: PROBE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
	const subNode: INode = {
		id: 'embeddings',
		name: EMBEDDINGS_NODE,
		type: EMBEDDINGS_TYPE,
		typeVersion: 1,
		position: [0, 200],
		parameters,
		credentials: { nanoGptApi: { id: '1', name: 'NanoGPT account' } },
	};
	const connections = {
		[EMBEDDINGS_NODE]: { [NodeConnectionTypes.AiEmbedding]: [[{ node: PROBE_NODE, type: NodeConnectionTypes.AiEmbedding, index: 0 }]] },
	};
	const workflow = new Workflow({ id: 'embeddings-workflow', name: 'Embeddings test', nodes: [probe, subNode], connections, active: false, nodeTypes: types, settings: { executionOrder: 'v1' } });
	const helper = new TestCredentialsHelper(pkg.credentialTypes, { nanoGptApi: { apiKey: VALID_KEY, baseUrl } });
	const hooks = new ExecutionLifecycleHooks('manual', 'embeddings-execution', {
		id: 'embeddings-workflow',
		name: 'Embeddings test',
		active: false,
		nodes: [probe, subNode],
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	const additionalData = {
		hooks,
		credentialsHelper: helper,
		executionId: 'embeddings-execution',
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
			error: (run.data.resultData.error ?? taskData?.error) as RunResult['error'],
			subNodeRuns: run.data.resultData.runData[EMBEDDINGS_NODE] ?? [],
		};
	} finally {
		currentScenario = undefined;
	}
}

export function parameters(model = 'text-embedding-3-small', options: IDataObject = {}): INodeParameters {
	return { model: { __rl: true, mode: 'id', value: model }, options } as INodeParameters;
}

