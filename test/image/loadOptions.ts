import { LoadOptionsContext } from 'n8n-core';
import type {
	INode,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../helpers/credentialsHelper';
import { NODE_TYPE, loadPackage } from '../helpers/engine';
import { VALID_KEY } from '../helpers/fakeNanoGpt';

/** Calls a methods.loadOptions function through n8n-core's LoadOptionsContext, as the editor does for a dropdown. */
export async function loadOptions(
	method: string,
	options: { baseUrl: string; parameters: INodeParameters; path?: string },
): Promise<INodePropertyOptions[]> {
	const pkg = await loadPackage();
	const nodeTypes = {
		getByName: (type: string) => pkg.nodeTypes[type],
		getByNameAndVersion: (type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(pkg.nodeTypes[type], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
	const node: INode = {
		id: 'nanogpt-node',
		name: 'NanoGPT',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { nanoGptApi: { id: '1', name: 'NanoGPT account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(pkg.credentialTypes, {
			nanoGptApi: { apiKey: VALID_KEY, baseUrl: options.baseUrl },
		}),
		currentNodeParameters: options.parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? 'parameters.size');
	const loader = (pkg.nodeTypes[NODE_TYPE] as INodeType).methods?.loadOptions?.[method];
	if (!loader) throw new Error(`No loadOptions method ${method}`);
	return await loader.call(context);
}
