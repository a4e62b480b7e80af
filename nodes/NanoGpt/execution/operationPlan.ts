import type {
	DeclarativeRestApiSettings,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { acrossItemsOf, type AcrossItems } from '../shared/batching';
import type { ReceiveAction } from '../shared/transport';

/**
 * What one operation declares, gathered once from the node description: the request (method, URL, headers),
 * its preSend and postReceive steps, and the fields shown for it that map a UI value to an API field
 * (`routing.send`) or add an output step (`routing.output`). The execution path touches only these per item,
 * so the cost of an item does not grow with the number of operations the node offers.
 */
export interface OperationPlan {
	key: string;
	request: DeclarativeRestApiSettings.HttpRequestOptions;
	preSend: PreSendAction[];
	postReceive: ReceiveAction[];
	/** Top-level fields of this operation that carry routing themselves or in their options. */
	fields: INodeProperties[];
	/** Operations whose items share requests (shared/batching.ts). */
	acrossItems?: AcrossItems;
}

function listed(values: unknown, wanted: string): boolean {
	return values === undefined || (Array.isArray(values) && values.includes(wanted));
}

/** Whether a top-level property belongs to resource/operation (by its displayOptions on those two keys). */
export function belongsTo(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	const hide = property.displayOptions?.hide;
	if (!listed(show?.resource, resource) || !listed(show?.operation, operation)) return false;
	if (Array.isArray(hide?.resource) && hide.resource.includes(resource)) return false;
	if (Array.isArray(hide?.operation) && hide.operation.includes(operation)) return false;
	return true;
}

function carriesRouting(property: INodeProperties | INodePropertyOptions): boolean {
	if ((property as { routing?: INodePropertyRouting }).routing) return true;
	const options = (property as INodeProperties).options as unknown[] | undefined;
	if (!Array.isArray(options)) return false;
	return options.some((option) => {
		if (option && typeof option === 'object' && 'values' in option) {
			return ((option as { values: INodeProperties[] }).values ?? []).some(carriesRouting);
		}
		return (option as INodeProperties).type !== undefined && carriesRouting(option as INodeProperties);
	});
}

function functionsOnly<T>(actions: unknown[] | undefined): T[] {
	return (actions ?? []).filter((action): action is T => typeof action === 'function');
}

const plans = new WeakMap<INodeProperties[], Map<string, OperationPlan>>();

/** The plan of resource/operation (built once per node description and cached). */
export function planFor(properties: INodeProperties[], resource: string, operation: string): OperationPlan | undefined {
	let cache = plans.get(properties);
	if (!cache) {
		cache = new Map();
		plans.set(properties, cache);
	}
	const key = `${resource}.${operation}`;
	if (cache.has(key)) return cache.get(key);
	const operationProperty = properties.find(
		(property) => property.name === 'operation' && listed(property.displayOptions?.show?.resource, resource),
	);
	const option = (operationProperty?.options as INodePropertyOptions[] | undefined)?.find(
		(candidate) => candidate.value === operation,
	);
	if (!option?.routing?.request) return undefined;
	const routing = option.routing;
	const plan: OperationPlan = {
		key,
		request: routing.request ?? {},
		preSend: functionsOnly<PreSendAction>(routing.send?.preSend),
		postReceive: functionsOnly<ReceiveAction>(routing.output?.postReceive as unknown[]),
		acrossItems: acrossItemsOf(routing),
		fields: properties.filter(
			(property) => property.name !== 'operation' && property.name !== 'resource' && belongsTo(property, resource, operation) && carriesRouting(property),
		),
	};
	cache.set(key, plan);
	return plan;
}

/** postReceive actions declared on a field. */
export function fieldPostReceive(property: INodeProperties): PostReceiveAction[] {
	return (property.routing?.output?.postReceive ?? []) as PostReceiveAction[];
}
