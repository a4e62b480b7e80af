import type { INodeProperties, INodePropertyRouting, PostReceiveAction } from 'n8n-workflow';

import { operationRouting } from '../../shared/operation';
import { outputBalance, outputReceivedNano } from './balance';
import { buildInvitationBody, invitationFields } from './invitation';
import { pricesFields, setPricesUrl } from './prices';
import { buildProviderPreferencesBody, outputPreferencesCleared, providerPreferencesFields } from './providerPreferences';
import { explainMissingSubscription } from './subscriptionUsage';
import { setTeeAttestationRequest, setTeeSignatureRequest, teeFields } from './tee';
import { buildUsageQuery, outputUsage, usageFields } from './usage';

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
			name: 'Clear Provider Preferences',
			value: 'clearProviderPreferences',
			action: 'Clear the provider preferences',
			description: 'Remove all saved provider preferences of the account',
			routing: operationRouting({ method: 'DELETE', url: '/user/provider-preferences' }, [], {
				postReceive: [outputPreferencesCleared],
				jsonBody: false,
			}),
		},
		{
			name: 'Create Invitation',
			value: 'createInvitation',
			action: 'Create an invitation',
			description: 'Create an invitation (optionally with credit) or a referral link to share',
			routing: operationRouting({ method: 'POST', url: '/invitations/create' }, [buildInvitationBody]),
		},
		{
			name: 'Get Balance',
			value: 'getBalance',
			action: 'Get the account balance',
			description: 'Get the USD and Nano balances (as numbers) and the Nano deposit address',
			routing: operationRouting({ method: 'POST', url: '/check-balance' }, [], { postReceive: [outputBalance] }),
		},
		{
			name: 'Get Prices',
			value: 'getPrices',
			action: 'Get prices',
			description: 'Get the Nano (XNO) price in USD or the USD exchange rates of fiat currencies',
			routing: operationRouting({ method: 'GET', url: '/get-nano-price' }, [setPricesUrl]),
		},
		{
			name: 'Get Provider Preferences',
			value: 'getProviderPreferences',
			action: 'Get the provider preferences',
			description: 'Get the saved preferred and excluded providers and per-model overrides',
			routing: operationRouting({ method: 'GET', url: '/user/provider-preferences' }),
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
			name: 'Get TEE Attestation',
			value: 'getTeeAttestation',
			action: 'Get a TEE attestation report',
			description: 'Get the attestation report of a model running in a trusted execution environment',
			routing: operationRouting({ method: 'GET', url: '/v1/tee/attestation' }, [setTeeAttestationRequest]),
		},
		{
			name: 'Get TEE Signature',
			value: 'getTeeSignature',
			action: 'Get the TEE signature of a chat request',
			description: 'Get the signature a TEE model made over one chat request, to verify it',
			routing: operationRouting({ method: 'GET', url: '/v1/tee/signature/{requestId}' }, [setTeeSignatureRequest]),
		},
		{
			name: 'Get Usage',
			value: 'getUsage',
			action: 'Get the API key usage',
			description: 'Get requests, tokens and cost of this API key by day and/or model',
			routing: operationRouting({ method: 'GET', url: '/v1/usage' }, [buildUsageQuery], { postReceive: [outputUsage] }),
		},
		{
			name: 'Receive Nano',
			value: 'receiveNano',
			action: 'Receive pending nano deposits',
			description: 'Credit pending Nano (XNO) deposits to the account',
			routing: operationRouting({ method: 'POST', url: '/receive-nano' }, [], { postReceive: [outputReceivedNano] }),
		},
		{
			name: 'Update Provider Preferences',
			value: 'updateProviderPreferences',
			action: 'Update the provider preferences',
			description: 'Change the saved preferred and excluded providers, fallback and per-model overrides',
			routing: operationRouting({ method: 'PATCH', url: '/user/provider-preferences' }, [buildProviderPreferencesBody]),
		},
	],
};

/** The account resource: balance, usage, prices, invitations, provider preferences and TEE verification. */
export const accountDescription: INodeProperties[] = [
	accountOperations,
	...usageFields,
	...pricesFields,
	...invitationFields,
	...providerPreferencesFields,
	...teeFields,
];
