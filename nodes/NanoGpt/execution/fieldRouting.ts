import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';

import type { ReceiveAction } from '../shared/transport';

function conditionHolds(values: unknown, actual: unknown): boolean {
	if (!Array.isArray(values)) return true;
	// Conditions beyond plain values (n8n's _cnd operators) are not used by this node; treat them as met.
	if (values.some((value) => value !== null && typeof value === 'object')) return true;
	return values.includes(actual);
}

/**
 * Whether a top-level field is shown for the node's current parameters (its displayOptions other than
 * resource and operation, which the plan already matched). Parameters are the node's stored values, as
 * n8n's RoutingNode reads them.
 */
export function isShown(property: INodeProperties, parameters: INodeParameters): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [key, values] of Object.entries(show ?? {})) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@')) continue;
		if (!conditionHolds(values, parameters[key])) return false;
	}
	for (const [key, values] of Object.entries(hide ?? {})) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@')) continue;
		if (Array.isArray(values) && values.every((value) => value === null || typeof value !== 'object') && (values as unknown[]).includes(parameters[key])) {
			return false;
		}
	}
	return true;
}

/** lodash-style set for the dotted API field names the node declares ("reasoning.exclude"). */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = target;
	for (const key of keys.slice(0, -1)) {
		const next = current[key];
		if (!next || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
		current = current[key] as IDataObject;
	}
	current[keys[keys.length - 1]] = value as IDataObject[string];
}

function unwrapLocator(value: unknown): unknown {
	if (value && typeof value === 'object' && '__rl' in (value as IDataObject)) return (value as IDataObject).value;
	return value;
}

function send(requestOptions: IHttpRequestOptions, property: INodeProperties, value: unknown): void {
	const target = property.routing?.send;
	if (!target?.property || value === undefined) return;
	const container =
		target.type === 'query'
			? ((requestOptions.qs ??= {}) as IDataObject)
			: ((requestOptions.body ??= {}) as IDataObject);
	if (target.propertyInDotNotation === false) container[target.property] = value as IDataObject[string];
	else setPath(container, target.property, value);
}

/**
 * Applies the fields' declared routing for one item, as RoutingNode does: a field with `routing.send` sends its
 * value under the declared API name (a top-level field always, a collection option only when set); a field's
 * `routing.output.postReceive` steps are returned for after the operation's own.
 */
export function applyFieldRouting(
	context: IExecuteSingleFunctions,
	parameters: INodeParameters,
	fields: INodeProperties[],
	requestOptions: IHttpRequestOptions,
): ReceiveAction[] {
	const postReceive: ReceiveAction[] = [];
	for (const field of fields) {
		if (!isShown(field, parameters)) continue;
		if (field.routing?.send?.property) {
			send(requestOptions, field, context.getNodeParameter(field.name, undefined, { extractValue: field.type === 'resourceLocator' }));
		}
		const actions = field.routing?.output?.postReceive ?? [];
		for (const action of actions) if (typeof action === 'function') postReceive.push(action as ReceiveAction);
		if (field.type === 'collection' && Array.isArray(field.options)) {
			const value = context.getNodeParameter(field.name, {}) as IDataObject;
			for (const option of field.options as INodeProperties[]) {
				if (option.routing?.send?.property && Object.prototype.hasOwnProperty.call(value, option.name)) {
					send(requestOptions, option, unwrapLocator(value[option.name]));
				}
			}
		}
	}
	return postReceive;
}
