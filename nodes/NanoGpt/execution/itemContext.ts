import type { IExecuteFunctions, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The single-item view of a node run that preSend and postReceive steps expect (what n8n's RoutingNode hands
 * them), built on the run's own context: parameters, binary data and expressions resolve for `itemIndex`.
 */
export function itemContextOf(run: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): IExecuteSingleFunctions {
	const helpers = Object.create(run.helpers, {
		assertBinaryData: { value: (propertyName: string) => run.helpers.assertBinaryData(itemIndex, propertyName) },
		getBinaryDataBuffer: {
			value: async (propertyName: string) => await run.helpers.getBinaryDataBuffer(itemIndex, propertyName),
		},
	}) as IExecuteSingleFunctions['helpers'];
	return Object.create(run, {
		getItemIndex: { value: () => itemIndex },
		getInputData: { value: () => item },
		getNodeParameter: {
			value: (name: string, fallbackValue?: unknown, options?: object) =>
				run.getNodeParameter(name, itemIndex, fallbackValue, options),
		},
		evaluateExpression: {
			value: (expression: string, index: number = itemIndex) => run.evaluateExpression(expression, index),
		},
		getCredentials: { value: async (type: string) => await run.getCredentials(type, itemIndex) },
		helpers: { value: helpers },
	}) as IExecuteSingleFunctions;
}
