import type { IDataObject, INodeProperties, NodePropertyTypes } from 'n8n-workflow';

/**
 * The generation controls and provider routing of NanoGPT's chat and text completions that Ask, Complete and the
 * NanoGPT Chat Model share (ChatCompletionRequest / CompletionRequest). One table drives the UI options (with or
 * without declarative routing) and the run-time checks, so the three stay in step.
 */

/** Raises a user error; each caller decides which error class (node error or chat model option error). */
export type Fail = (message: string, description: string) => never;

interface NumberRange {
	min?: number;
	max?: number;
	integer?: boolean;
}

interface ControlSpec {
	/** Option name (parameter) in the node UI. */
	name: string;
	displayName: string;
	/** Request body path (dots for nested objects). */
	apiField: string;
	kind: 'number' | 'boolean' | 'options' | 'tokenIds' | 'providerList' | 'multiOptions' | 'text';
	default: number | boolean | string | string[];
	description: string;
	range?: NumberRange;
	choices?: Array<{ name: string; value: string; description?: string }>;
	placeholder?: string;
}

const QUANTIZATIONS = ['int4', 'fp4', 'fp6', 'int8', 'fp8', 'fp16', 'bf16', 'fp32'];

/** Sampling and stopping controls Ask and Complete lacked (all documented in both request schemas). */
export const GENERATION_CONTROLS: ControlSpec[] = [
	{
		name: 'billingMode',
		displayName: 'Billing Mode',
		apiField: 'billing_mode',
		kind: 'options',
		default: 'paygo',
		description:
			'Pay-As-You-Go forces paid billing even for subscription-included models (and applies saved provider preferences). Subscription (Default) sends nothing.',
		choices: [
			{ name: 'Pay-As-You-Go', value: 'paygo' },
			{ name: 'Subscription (Default)', value: 'subscription' },
		],
	},
	{
		name: 'customTokenBans',
		displayName: 'Custom Token Bans',
		apiField: 'custom_token_bans',
		kind: 'tokenIds',
		default: '',
		placeholder: 'e.g. 50256, 198',
		description: 'Token IDs the model must never generate, separated by commas',
	},
	{
		name: 'epsilonCutoff',
		displayName: 'Epsilon Cutoff',
		apiField: 'epsilon_cutoff',
		kind: 'number',
		default: 0,
		range: { min: 0 },
		description: 'Drops tokens whose probability falls below this threshold (0 or more; where supported)',
	},
	{
		name: 'etaCutoff',
		displayName: 'Eta Cutoff',
		apiField: 'eta_cutoff',
		kind: 'number',
		default: 0,
		range: { min: 0 },
		description: 'Entropy-adaptive tail cutoff (0 or more; where supported)',
	},
	{
		name: 'ignoreEos',
		displayName: 'Ignore EOS',
		apiField: 'ignore_eos',
		kind: 'boolean',
		default: true,
		description: 'Whether to keep generating after the model predicts the end of the text (long creative runs)',
	},
	{
		name: 'includeStopStrInOutput',
		displayName: 'Include Stop Sequence in Output',
		apiField: 'include_stop_str_in_output',
		kind: 'boolean',
		default: true,
		description: 'Whether the stop sequence that ended the text stays in it (not supported by many providers)',
	},
	{
		name: 'noRepeatNgramSize',
		displayName: 'No Repeat N-Gram Size',
		apiField: 'no_repeat_ngram_size',
		kind: 'number',
		default: 3,
		range: { min: 0, integer: true },
		description: 'Forbids repeating any sequence of this many tokens (0 or more; not supported by many providers)',
	},
	{
		name: 'promptLogprobs',
		displayName: 'Prompt Logprobs',
		apiField: 'prompt_logprobs',
		kind: 'boolean',
		default: true,
		description: 'Whether to return log probabilities of the prompt tokens as well (where the provider allows it)',
	},
	{
		name: 'serviceTier',
		displayName: 'Service Tier',
		apiField: 'service_tier',
		kind: 'options',
		default: 'auto',
		description: 'Flex is cheaper with variable capacity, Priority costs more and is served first (where supported)',
		choices: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Default', value: 'default' },
			{ name: 'Flex', value: 'flex' },
			{ name: 'Priority', value: 'priority' },
		],
	},
	{
		name: 'stopTokenIds',
		displayName: 'Stop Token IDs',
		apiField: 'stop_token_ids',
		kind: 'tokenIds',
		default: '',
		placeholder: 'e.g. 128001, 128009',
		description: 'Token IDs that end the generation, separated by commas (not supported by many providers)',
	},
];

/** Provider selection (`provider` as a name or a routing object, plus the top-level caching switches). */
export const PROVIDER_CONTROLS: ControlSpec[] = [
	{
		name: 'provider',
		displayName: 'Provider',
		apiField: 'provider',
		kind: 'text',
		default: '',
		placeholder: 'e.g. deepinfra',
		description:
			'Send the request to this one provider (ID or display name, see Model > Get Providers). Cannot be combined with the other provider options.',
	},
	{
		name: 'providerOrder',
		displayName: 'Provider Order',
		apiField: 'provider.order',
		kind: 'providerList',
		default: '',
		placeholder: 'e.g. deepinfra, together',
		description: 'Providers to try first, in this order, separated by commas (a soft preference)',
	},
	{
		name: 'providerOnly',
		displayName: 'Only Providers',
		apiField: 'provider.only',
		kind: 'providerList',
		default: '',
		placeholder: 'e.g. deepinfra',
		description: 'Route only to these providers, separated by commas; fail instead of using another one',
	},
	{
		name: 'providerIgnore',
		displayName: 'Ignore Providers',
		apiField: 'provider.ignore',
		kind: 'providerList',
		default: '',
		placeholder: 'e.g. novita',
		description: 'Never route to these providers, separated by commas',
	},
	{
		name: 'providerSort',
		displayName: 'Provider Sort',
		apiField: 'provider.sort',
		kind: 'options',
		default: 'price',
		description: 'How NanoGPT picks among providers. Auto, None and Default ignore saved preferences without sorting.',
		choices: ['auto', 'default', 'latency', 'none', 'price', 'speed', 'throughput'].map((value) => ({
			name: value.charAt(0).toUpperCase() + value.slice(1),
			value,
		})),
	},
	{
		name: 'providerQuantizations',
		displayName: 'Provider Quantizations',
		apiField: 'provider.quantizations',
		kind: 'multiOptions',
		default: [],
		description: 'Only providers serving the model at one of these weight precisions',
		choices: [...QUANTIZATIONS, 'unknown'].map((value) => ({ name: value, value })),
	},
	{
		name: 'providerMinQuantization',
		displayName: 'Provider Min Quantization',
		apiField: 'provider.min_quantization',
		kind: 'options',
		default: 'fp8',
		description: 'Only providers serving the model at this weight precision or better',
		choices: QUANTIZATIONS.map((value) => ({ name: value, value })),
	},
	{
		name: 'providerMaxPromptPrice',
		displayName: 'Provider Max Prompt Price',
		apiField: 'provider.max_price.prompt',
		kind: 'number',
		default: 1,
		range: { min: 0 },
		description: 'Highest input price accepted, in USD per million tokens (0 or more)',
	},
	{
		name: 'providerMaxCompletionPrice',
		displayName: 'Provider Max Completion Price',
		apiField: 'provider.max_price.completion',
		kind: 'number',
		default: 5,
		range: { min: 0 },
		description: 'Highest output price accepted, in USD per million tokens (0 or more)',
	},
	{
		name: 'providerAllowFallbacks',
		displayName: 'Provider Fallbacks',
		apiField: 'provider.allow_fallbacks',
		kind: 'boolean',
		default: true,
		description: 'Whether NanoGPT may fall back to another provider when the chosen one fails',
	},
	{
		name: 'providerRequireParameters',
		displayName: 'Provider Must Support All Parameters',
		apiField: 'provider.require_parameters',
		kind: 'boolean',
		default: true,
		description: 'Whether to use only providers that support every parameter of the request',
	},
	{
		name: 'cachingProvider',
		displayName: 'Caching Provider',
		apiField: 'caching',
		kind: 'boolean',
		default: true,
		description: 'Whether to route only to a provider with prompt caching (fails if none is available)',
	},
	{
		name: 'stickyProvider',
		displayName: 'Sticky Provider',
		apiField: 'stickyprovider',
		kind: 'boolean',
		default: true,
		description: 'Whether later requests prefer the provider used before (with Caching Provider; on by default there)',
	},
];

const PROPERTY_TYPES: Record<ControlSpec['kind'], NodePropertyTypes> = {
	number: 'number',
	boolean: 'boolean',
	options: 'options',
	multiOptions: 'multiOptions',
	tokenIds: 'string',
	providerList: 'string',
	text: 'string',
};

function toProperty(spec: ControlSpec, withRouting: boolean): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.displayName,
		name: spec.name,
		type: PROPERTY_TYPES[spec.kind],
		default: spec.default,
		description: spec.description,
		...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
	};
	if (spec.kind === 'number') {
		property.typeOptions = {
			...(spec.range?.min !== undefined ? { minValue: spec.range.min } : {}),
			...(spec.range?.max !== undefined ? { maxValue: spec.range.max } : {}),
			numberPrecision: spec.range?.integer ? 0 : 2,
		};
	} else if (spec.choices) {
		property.options = spec.choices;
	}
	if (withRouting) property.routing = { send: { type: 'body', property: spec.apiField } };
	return property;
}

/** UI options for the generation controls and provider selection (with routing for the declarative node). */
export function chatControlProperties(withRouting: boolean): INodeProperties[] {
	return [...GENERATION_CONTROLS, ...PROVIDER_CONTROLS].map((spec) => toProperty(spec, withRouting));
}

function checkNumber(spec: ControlSpec, raw: unknown, fail: Fail): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const range = spec.range ?? {};
	const limits = [range.min !== undefined ? `at least ${range.min}` : '', range.max !== undefined ? `at most ${range.max}` : '']
		.filter(Boolean)
		.join(' and ');
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		fail(`The option "${spec.displayName}" must be a number`, `Received ${JSON.stringify(raw)}.`);
	}
	if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
		fail(`The option "${spec.displayName}" must be ${limits}`, `Received ${value}.`);
	}
	if (range.integer && !Number.isInteger(value)) {
		fail(`The option "${spec.displayName}" must be a whole number`, `Received ${value}.`);
	}
	return value;
}

function listOf(raw: unknown): unknown[] {
	if (Array.isArray(raw)) return raw;
	if (typeof raw === 'number') return [raw];
	return String(raw ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function checkTokenIds(spec: ControlSpec, raw: unknown, fail: Fail): number[] {
	return listOf(raw).map((entry) => {
		const id = typeof entry === 'string' ? Number(entry) : entry;
		if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
			fail(
				`The option "${spec.displayName}" must list token IDs (whole numbers)`,
				`"${String(entry)}" is not a token ID. Example: 50256, 198.`,
			);
		}
		return id;
	});
}

function checkChoice(spec: ControlSpec, value: unknown, fail: Fail): string {
	const text = String(value);
	if (spec.choices && !spec.choices.some((choice) => choice.value === text)) {
		fail(`The option "${spec.displayName}" is not valid`, `Received "${text}". Use one of: ${spec.choices.map((c) => c.value).join(', ')}.`);
	}
	return text;
}

function getPath(body: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as IDataObject)[key] : undefined), body);
}

function setPath(body: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = body;
	for (const key of keys.slice(0, -1)) {
		if (!node[key] || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

function deletePath(body: IDataObject, path: string): void {
	const keys = path.split('.');
	const parent = getPath(body, keys.slice(0, -1).join('.')) ?? (keys.length === 1 ? body : undefined);
	if (parent && typeof parent === 'object') delete (parent as IDataObject)[keys[keys.length - 1]];
}

/** Removes `provider.max_price` / `provider` when they were emptied. */
function pruneEmptyProvider(body: IDataObject): void {
	const provider = body.provider;
	if (!provider || typeof provider !== 'object') return;
	const routing = provider as IDataObject;
	if (routing.max_price && typeof routing.max_price === 'object' && Object.keys(routing.max_price).length === 0) {
		delete routing.max_price;
	}
	if (Object.keys(routing).length === 0) delete body.provider;
}

/**
 * Checks and normalises the controls already placed in a request body (by declarative routing or by
 * `bodyFromOptions`): numbers in range, comma lists as arrays, empty entries dropped, provider conflicts named.
 * `options` are the options as the user set them (UI names): the single Provider and the provider routing options
 * exclude each other.
 */
export function normalizeChatControls(body: IDataObject, options: IDataObject, fail: Fail): void {
	const name = typeof options.provider === 'string' ? options.provider.trim() : '';
	const routingSet = PROVIDER_CONTROLS.some((spec) => spec.apiField.startsWith('provider.') && options[spec.name] !== undefined);
	if (name !== '' && routingSet) {
		fail(
			'The option "Provider" cannot be combined with the other provider options',
			'Provider picks exactly one provider. To prefer or restrict providers, leave Provider out and use Provider Order, Only Providers or Ignore Providers instead.',
		);
	}
	for (const spec of [...GENERATION_CONTROLS, ...PROVIDER_CONTROLS]) {
		const value = getPath(body, spec.apiField);
		if (value === undefined) continue;
		if (spec.kind === 'text') {
			if (typeof value !== 'string') continue;
			if (value.trim() === '') delete body.provider;
			else body.provider = value.trim();
			continue;
		}
		if (spec.kind === 'number') setPath(body, spec.apiField, checkNumber(spec, value, fail));
		if (spec.kind === 'tokenIds' || spec.kind === 'providerList') {
			const list = spec.kind === 'tokenIds' ? checkTokenIds(spec, value, fail) : listOf(value).map(String);
			if (list.length === 0) deletePath(body, spec.apiField);
			else setPath(body, spec.apiField, list);
		}
		if (spec.kind === 'options') setPath(body, spec.apiField, checkChoice(spec, value, fail));
		if (spec.kind === 'multiOptions') {
			const list = listOf(value).map((entry) => checkChoice(spec, entry, fail));
			if (list.length === 0) deletePath(body, spec.apiField);
			else setPath(body, spec.apiField, list);
		}
		if (spec.kind === 'boolean' && typeof value !== 'boolean') {
			fail(`The option "${spec.displayName}" must be true or false`, `Received ${JSON.stringify(value)}.`);
		}
	}
	if (body.billing_mode === 'subscription') delete body.billing_mode;
	pruneEmptyProvider(body);
}

/** For nodes without declarative routing (the Chat Model): the body fields of the options the user added. */
export function bodyFromOptions(options: IDataObject, fail: Fail): IDataObject {
	const body: IDataObject = {};
	for (const spec of [...GENERATION_CONTROLS, ...PROVIDER_CONTROLS]) {
		if (options[spec.name] !== undefined) setPath(body, spec.apiField, options[spec.name]);
	}
	normalizeChatControls(body, options, fail);
	return body;
}
