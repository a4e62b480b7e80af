import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactSecrets } from './errors';
import { describeTransportFault } from './transportPolicy';

/** How a request failed without a usable answer; stored on the node error's context. */
export interface TransportFailureInfo {
	kind: string;
	/** Whether sending the same request again is safe and may help. */
	retryable: boolean;
}

export type NodeError = NodeApiError | NodeOperationError;

function withInfo<T extends NodeError>(error: T, info: TransportFailureInfo): T {
	error.context = { ...(error.context ?? {}), transport: { ...info } };
	return error;
}

/** What the node error says about its transport failure, if it is one. */
export function transportInfoOf(error: unknown): TransportFailureInfo | undefined {
	const info = (error as { context?: { transport?: TransportFailureInfo } } | undefined)?.context?.transport;
	return info && typeof info.retryable === 'boolean' ? info : undefined;
}

export function cancelledError(node: INode): NodeOperationError {
	return withInfo(new NodeOperationError(node, 'The execution was cancelled'), { kind: 'cancelled', retryable: false });
}

/** A redirect the node does not follow (another origin, a loop, a POST turned into GET): never retried. */
export function redirectError(node: INode, message: string, description: string): NodeApiError {
	return withInfo(new NodeApiError(node, { message } as JsonObject, { message, description }), {
		kind: 'redirect',
		retryable: false,
	});
}

/** A request that got no usable HTTP answer (network fault, deadline, damaged body), in plain words. */
export function transportError(
	node: INode,
	error: unknown,
	options: { timeoutMs: number; deadlineExceeded?: boolean; timeoutAdvice?: string; secrets?: string[] },
): NodeApiError {
	const fault = describeTransportFault(error, options);
	const message = redactSecrets(fault.message, options.secrets);
	return withInfo(
		new NodeApiError(node, { message, ...(fault.code ? { networkCode: fault.code } : {}) } as JsonObject, {
			message,
			description: fault.description,
			httpCode: fault.kind === 'timeout' ? '408' : undefined,
		}),
		{ kind: fault.kind, retryable: fault.retryable },
	);
}
