import type { INodeProperties, INodePropertyRouting, PostReceiveAction } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { outputBalance, outputReceivedNano } from './balance';
import { explainMissingSubscription } from './subscriptionUsage';

/** Runs `action` before the shared error handling of an operation's routing. */
function withFirstPostReceive(routing: INodePropertyRouting, action: PostReceiveAction): INodePropertyRouting {
	routing.output?.postReceive?.unshift(action);
	return routing;
}

export const accountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	default: 'getBalance',
	options: [
		{
			name: 'Get Balance',
			value: 'getBalance',
			action: 'Get the account balance',
			description: 'Get the USD and Nano balances (as numbers) and the Nano deposit address',
			routing: operationRouting({ method: 'POST', url: '/check-balance' }, [], { postReceive: [outputBalance] }),
		},
		{
			name: 'Get Subscription Usage',
			value: 'getSubscriptionUsage',
			action: 'Get the subscription usage',
			description: 'Get the daily and monthly usage and limits of a NanoGPT subscription',
			routing: withFirstPostReceive(
				operationRouting({ method: 'GET', url: '/subscription/v1/usage' }),
				explainMissingSubscription,
			),
		},
		{
			name: 'Receive Nano',
			value: 'receiveNano',
			action: 'Receive pending nano deposits',
			description: 'Credit pending Nano (XNO) deposits to the account',
			routing: operationRouting({ method: 'POST', url: '/receive-nano' }, [], { postReceive: [outputReceivedNano] }),
		},
	],
};

/** The account resource: balance, Nano deposits and subscription usage. None of them needs parameters. */
export const accountDescription: INodeProperties[] = [accountOperations];
