'use strict';
// Runs the built node (dist/) through n8n-core's real execution engine (WorkflowExecute -> RoutingNode),
// loaded by n8n-core's PackageDirectoryLoader as n8n loads community packages. Plain JS: no compile step.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-nanogpt-bench-'));
process.env.N8N_ENCRYPTION_KEY ??= 'bench-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

const { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } = require('n8n-core');
const { ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData } = require('n8n-workflow');

const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');
const NODE_TYPE = 'n8n-nodes-nanogpt.nanoGpt';
const API_KEY = 'sk-nano-bench-key';

/** The credentials side of n8n: values from a map, the credential's `authenticate` (function or generic block) applied. */
class BenchCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, values) {
		super();
		this.credentialTypes = credentialTypes;
		this.values = values;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const authenticate = this.credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate) return requestOptions;
		for (const section of ['headers', 'qs', 'body']) {
			const entries = authenticate.properties[section];
			if (!entries) continue;
			const target = (requestOptions[section] ??= {});
			for (const [key, value] of Object.entries(entries)) {
				target[key] = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
			}
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials() {
		throw new Error('not used');
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		return this.values[type];
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return [];
	}
}

let loaded;
async function loadPackage() {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const nodeTypes = {};
		for (const [name, data] of Object.entries(loader.nodeTypes)) nodeTypes[`${loader.packageName}.${name}`] = data.type;
		const credentialTypes = {};
		for (const [name, data] of Object.entries(loader.credentialTypes)) credentialTypes[name] = data.type;
		return { nodeTypes, credentialTypes };
	})();
	return await loaded;
}

/** The built node's description, to find out which operations and parameters it has. */
async function nodeDescription() {
	return (await loadPackage()).nodeTypes[NODE_TYPE].description;
}

/**
 * Runs a one-node workflow with `items` as the node's input. Returns the node's output items and the
 * workflow error, if any. `settings.continueOnFail` keeps failed items as items with `error`.
 */
async function runNode(parameters, { baseUrl, items, continueOnFail = true, nodeType }) {
	const loadedPackage = await loadPackage();
	// `nodeType` swaps in another node type under the same name (bench/lib/minimalNode.js).
	const pkg = nodeType ? { ...loadedPackage, nodeTypes: { [NODE_TYPE]: nodeType } } : loadedPackage;
	const helper = new BenchCredentialsHelper(pkg.credentialTypes, { nanoGptApi: { apiKey: API_KEY, baseUrl } });
	const node = {
		id: 'nanogpt-node',
		name: 'NanoGPT',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { nanoGptApi: { id: '1', name: 'NanoGPT account' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
	const nodeTypes = {
		getByName: (type) => pkg.nodeTypes[type],
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(pkg.nodeTypes[type], version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'bench-workflow',
		name: 'NanoGPT bench',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('trigger', 'bench-execution', {
		id: 'bench-workflow',
		name: 'NanoGPT bench',
		active: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	});
	const additionalData = {
		hooks,
		credentialsHelper: helper,
		executionId: 'bench-execution',
		variables: {},
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
	};
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData, 'trigger', runExecutionData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData.NanoGPT?.[0];
	const output = taskData?.data?.main?.[0] ?? [];
	return { items: output, error: run.data.resultData.error ?? taskData?.error };
}

/** Whether the built node offers `resource` > `operation` (operations still being built elsewhere may be missing). */
async function hasOperation(resource, operation) {
	const description = await nodeDescription();
	return description.properties.some(
		(property) =>
			property.name === 'operation' &&
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.options?.some((option) => option.value === operation),
	);
}

module.exports = { API_KEY, NODE_TYPE, PACKAGE_ROOT, hasOperation, loadPackage, nodeDescription, runNode };
