import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { parseBaseUrl } from '../../../shared/baseUrl';
import { CREDENTIAL_TYPE } from '../../shared/constants';
import { requireText } from '../../shared/parameters';

const showBoth = { resource: ['account'], operation: ['getTeeAttestation', 'getTeeSignature'] };
const showSignature = { resource: ['account'], operation: ['getTeeSignature'] };

/** The TEE endpoints live on the site root (https://nano-gpt.com/v1/tee/...), not under /api. */
async function rootUrl(context: IExecuteSingleFunctions, path: string): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return `${parseBaseUrl(credentials.baseUrl, context.getNode()).baseUrl.replace(/\/api$/, '')}${path}`;
}

function teeModel(context: IExecuteSingleFunctions): string {
	return requireText(context, context.getNodeParameter('teeModel', ''), 'TEE Model').trim();
}

/** preSend of Get TEE Attestation: the model in the query, the root URL. */
export async function setTeeAttestationRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.url = await rootUrl(this, '/v1/tee/attestation');
	requestOptions.qs = { ...(requestOptions.qs ?? {}), model: teeModel(this) };
	return requestOptions;
}

/** preSend of Get TEE Signature: the chat request ID in the path, model and algorithm in the query. */
export async function setTeeSignatureRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const requestId = requireText(this, this.getNodeParameter('requestId', ''), 'Request ID').trim();
	requestOptions.url = await rootUrl(this, `/v1/tee/signature/${encodeURIComponent(requestId)}`);
	const algorithm = String(this.getNodeParameter('signingAlgorithm', '') ?? '').trim();
	requestOptions.qs = { ...(requestOptions.qs ?? {}), model: teeModel(this), ...(algorithm ? { signing_algo: algorithm } : {}) };
	return requestOptions;
}

export const teeFields: INodeProperties[] = [
	{
		displayName: 'TEE Model',
		name: 'teeModel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE/deepseek-r1-70b',
		description: 'The model running in a trusted execution environment (TEE)',
		displayOptions: { show: showBoth },
	},
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. chatcmpl-abc123',
		description: 'The ID of the chat request to get the signature of (the ID in an Ask output)',
		displayOptions: { show: showSignature },
	},
	{
		displayName: 'Signing Algorithm',
		name: 'signingAlgorithm',
		type: 'string',
		default: 'ecdsa',
		description: 'Signature algorithm; leave empty for NanoGPT’s default',
		displayOptions: { show: showSignature },
	},
];
