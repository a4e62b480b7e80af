import type { IDataObject } from 'n8n-workflow';

import { lowestPriceOf, priceLabel, type ModelKind } from '../../../shared/catalog';

function objectOrNull(value: unknown): IDataObject | null {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null;
}

/**
 * One catalogue entry as a Model > List item: the same fields for every kind of model (id, name, description,
 * kind, a numeric lowest price, price label, pricing, capabilities), followed by every other field NanoGPT sent.
 */
export function normalizeModel(kind: ModelKind, model: IDataObject): IDataObject {
	const id = String(model.id);
	const json: IDataObject = {
		id,
		name: typeof model.name === 'string' && model.name.trim() !== '' ? model.name.trim() : id,
		description: typeof model.description === 'string' ? model.description : null,
		kind,
		lowestPrice: lowestPriceOf(model) ?? null,
		priceLabel: priceLabel(kind, model) ?? null,
		pricing: objectOrNull(model.pricing),
		capabilities: objectOrNull(model.capabilities),
	};
	for (const [key, value] of Object.entries(model)) {
		if (!(key in json)) json[key] = value;
	}
	return json;
}
