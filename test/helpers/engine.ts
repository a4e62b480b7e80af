import path from 'node:path';

import { ExecutionLifecycleHooks, LoadOptionsContext, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IExecuteData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { VALID_KEY } from './fakeNanoGpt';

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
export const NODE_TYPE = 'n8n-nodes-nanogpt.nanoGpt';

interface LoadedPackage {
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: Record<string, ICredentialType>;
}

let loaded: Promise<LoadedPackage> | undefined;

/** Loads the built package (dist/) with n8n-core's PackageDirectoryLoader, as n8n loads community packages. */
export async function loadPackage(): Promise<LoadedPackage> {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const nodeTypes: LoadedPackage['nodeTypes'] = {};
		for (const [name, data] of Object.entries(loader.nodeTypes)) nodeTypes[`${loader.packageName}.${name}`] = data.type;
		const credentialTypes: LoadedPackage['credentialTypes'] = {};
		for (const [name, data] of Object.entries(loader.credentialTypes)) credentialTypes[name] = data.type;
		return { nodeTypes, credentialTypes };
	})();
	return await loaded;
}

function nodeTypesOf(pkg: LoadedPackage): INodeTypes {
	return {
		getByName: (type) => pkg.nodeTypes[type],
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(pkg.nodeTypes[type], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

export interface RunOptions {
	baseUrl: string;
	apiKey?: string;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	onError?: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow';
	nodeType?: string;
	credentials?: ICredentialDataDecryptedObject;
}

export interface RunResult {
	run: IRun;
	/** Items on the node's main outputs ([0] regular, [1] error output when enabled). */
	outputs: INodeExecutionData[][];
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
}

function additionalDataFor(helper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: helper,
		executionId: 'test-execution',
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
}

function nodeUnderTest(parameters: INodeParameters, options: RunOptions): INode {
	return {
		id: 'nanogpt-node',
		name: 'NanoGPT',
		type: options.nodeType ?? NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { nanoGptApi: { id: '1', name: 'NanoGPT account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.onError ? { onError: options.onError } : {}),
	};
}

/**
 * Runs a one-node workflow through n8n-core's WorkflowExecute (which runs declarative nodes with RoutingNode),
 * feeding `items` to the NanoGPT node.
 */
export async function runNode(parameters: INodeParameters, options: RunOptions): Promise<RunResult> {
	const pkg = await loadPackage();
	const helper = new TestCredentialsHelper(pkg.credentialTypes, {
		nanoGptApi: options.credentials ?? { apiKey: options.apiKey ?? VALID_KEY, baseUrl: options.baseUrl },
	});
	const node = nodeUnderTest(parameters, options);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'NanoGPT test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(pkg),
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('trigger', 'test-execution', {
		id: 'test-workflow',
		name: 'NanoGPT test',
		active: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	const additionalData = additionalDataFor(helper, hooks);
	const items = options.items ?? [{ json: {} }];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null } as IExecuteData],
		},
	});
	const run = await new WorkflowExecute(additionalData, 'trigger', runExecutionData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData.NanoGPT?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	return {
		run,
		outputs,
		items: outputs[0] ?? [],
		error: (run.data.resultData.error ?? taskData?.error) as RunResult['error'],
	};
}

/** Calls a listSearch method through n8n-core's LoadOptionsContext, as the editor's model dropdown does. */
export async function searchList(
	method: string,
	options: { baseUrl: string; apiKey?: string; filter?: string; parameters?: INodeParameters },
): Promise<INodeListSearchResult> {
	const pkg = await loadPackage();
	const helper = new TestCredentialsHelper(pkg.credentialTypes, {
		nanoGptApi: { apiKey: options.apiKey ?? VALID_KEY, baseUrl: options.baseUrl },
	});
	const node = nodeUnderTest(options.parameters ?? { resource: 'text', operation: 'ask' }, {} as RunOptions);
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(pkg),
	});
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(helper), 'parameters.model');
	const nodeType = pkg.nodeTypes[NODE_TYPE] as INodeType;
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`No listSearch method ${method}`);
	return await search.call(context, options.filter);
}

export function credentialType(name = 'nanoGptApi'): Promise<ICredentialType> {
	return loadPackage().then((pkg) => pkg.credentialTypes[name]);
}
