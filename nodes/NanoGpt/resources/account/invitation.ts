import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bodyOf, checkNumberInRange } from '../../shared/parameters';

const show = { resource: ['account'], operation: ['createInvitation'] };

/** preSend: a non-negative amount needs a currency; referral links carry no amount. */
export async function buildInvitationBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = bodyOf(requestOptions);
	for (const field of ['currency', 'recipientName', 'issuerName', 'issuerNote']) {
		if (typeof body[field] === 'string' && (body[field] as string).trim() === '') delete body[field];
	}
	if (body.type === 'referralLink') {
		delete body.amount;
		delete body.currency;
		return requestOptions;
	}
	if (body.amount !== undefined) {
		body.amount = checkNumberInRange(this, body.amount, 'Amount', { min: 0 });
		if (body.amount === 0) delete body.amount;
	}
	if (body.amount !== undefined && body.currency === undefined) {
		throw new NodeOperationError(this.getNode(), 'The parameter "Currency" is needed with an amount', {
			description: 'Set the currency of the credit, for example USD, or set Amount to 0.',
		});
	}
	if (body.amount === undefined) delete body.currency;
	return requestOptions;
}

export const invitationFields: INodeProperties[] = [
	{
		displayName: 'Invitation Type',
		name: 'invitationType',
		type: 'options',
		default: 'invitation',
		displayOptions: { show },
		options: [
			{ name: 'Invitation', value: 'invitation', description: 'A one-time invitation, optionally with credit' },
			{ name: 'Referral Link', value: 'referralLink', description: 'A referral link without credit' },
		],
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Credit included with the invitation (0 for none), taken from this account',
		displayOptions: { show: { ...show, invitationType: ['invitation'] } },
		routing: { send: { type: 'body', property: 'amount' } },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'USD',
		description: 'Currency of the amount (needed when Amount is above 0)',
		displayOptions: { show: { ...show, invitationType: ['invitation'] } },
		routing: { send: { type: 'body', property: 'currency' } },
	},
	{
		displayName: 'Invitation Details',
		name: 'invitationDetails',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Issuer Name',
				name: 'issuerName',
				type: 'string',
				default: '',
				description: 'Name of the person sending the invitation',
				routing: { send: { type: 'body', property: 'issuerName' } },
			},
			{
				displayName: 'Issuer Note',
				name: 'issuerNote',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'A personal note shown with the invitation',
				routing: { send: { type: 'body', property: 'issuerNote' } },
			},
			{
				displayName: 'Recipient Name',
				name: 'recipientName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'recipientName' } },
			},
		],
	},
];
