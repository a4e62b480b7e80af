import type { ISupplyDataFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

type ChatModelModule = typeof import('./model/NanoGptChatModel');

function isMissingSdk(error: unknown): boolean {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	return (
		(code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === undefined) &&
		typeof message === 'string' &&
		/@n8n\/ai-(node-sdk|utilities)/.test(message)
	);
}

/**
 * Loads the SDK-based model only when a workflow runs the sub-node. Keeping the import out of the node file means
 * an n8n without @n8n/ai-node-sdk still loads this package: only this sub-node fails, with a clear message.
 */
export async function loadChatModelModule(context: ISupplyDataFunctions): Promise<ChatModelModule> {
	try {
		return await import('./model/NanoGptChatModel');
	} catch (error) {
		if (!isMissingSdk(error)) throw new NodeOperationError(context.getNode(), error as Error);
		throw new NodeOperationError(context.getNode(), 'This n8n version cannot run the NanoGPT Chat Model', {
			description:
				'The NanoGPT Chat Model is built on n8n\'s AI node SDK (@n8n/ai-node-sdk), which this n8n does not provide. Update n8n, or use the NanoGPT node (Text > Ask) instead.',
		});
	}
}
