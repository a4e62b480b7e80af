import type { IDataObject } from 'n8n-workflow';

/** The NanoGPT model catalogues, one per kind of model. */
export type ModelKind = 'text' | 'image' | 'tts' | 'stt' | 'video' | 'embedding';

export interface CatalogEndpoint {
	url: string;
	qs: IDataObject;
}

export const CATALOG_ENDPOINTS: Record<ModelKind, CatalogEndpoint> = {
	text: { url: '/v1/models', qs: { detailed: 'true' } },
	image: { url: '/v1/image-models', qs: { detailed: 'true' } },
	tts: { url: '/v1/audio-models', qs: { type: 'tts', detailed: 'true' } },
	stt: { url: '/v1/audio-models', qs: { type: 'stt', detailed: 'true' } },
	video: { url: '/v1/video-models', qs: { detailed: 'true' } },
	embedding: { url: '/v1/embedding-models', qs: {} },
};

function toNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** "$0.15" with enough digits for cheap models. */
export function formatUsd(value: number): string {
	if (value === 0) return '$0';
	const digits = value >= 1 ? 2 : Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(value)) + 1));
	return `$${Number(value.toFixed(digits))}`;
}

function lowestPrice(value: unknown): number | undefined {
	const direct = toNumber(value);
	if (direct !== undefined) return direct;
	if (value && typeof value === 'object') {
		const prices = Object.values(value as IDataObject)
			.map(lowestPrice)
			.filter((price): price is number => price !== undefined);
		return prices.length ? Math.min(...prices) : undefined;
	}
	return undefined;
}

/** A short price text for a catalogue entry, or undefined when the catalogue gives none. */
export function priceLabel(kind: ModelKind, model: IDataObject): string | undefined {
	const pricing = (model.pricing ?? {}) as IDataObject;
	switch (kind) {
		case 'text': {
			const prompt = toNumber(pricing.prompt);
			const completion = toNumber(pricing.completion);
			if (prompt === undefined && completion === undefined) return undefined;
			return `${formatUsd(prompt ?? 0)} / ${formatUsd(completion ?? 0)} per 1M tokens`;
		}
		case 'image': {
			const price = lowestPrice(pricing.per_image ?? pricing.perImage ?? pricing);
			return price === undefined ? undefined : `from ${formatUsd(price)} per image`;
		}
		case 'tts': {
			const price = lowestPrice(pricing.per_thousand_chars ?? pricing.perThousandChars);
			return price === undefined ? undefined : `${formatUsd(price)} per 1K characters`;
		}
		case 'stt': {
			const price = lowestPrice(pricing.per_minute ?? pricing.perMinute);
			return price === undefined ? undefined : `${formatUsd(price)} per minute`;
		}
		case 'video': {
			const price = lowestPrice(pricing.per_second ?? pricing.per_video ?? pricing.base ?? pricing);
			const unit = pricing.per_second !== undefined ? ' per second' : '';
			return price === undefined ? undefined : `from ${formatUsd(price)}${unit}`;
		}
		case 'embedding': {
			const price = lowestPrice(pricing.per_million_tokens ?? pricing.perMillionTokens);
			return price === undefined ? undefined : `${formatUsd(price)} per 1M tokens`;
		}
	}
}

/** The lowest number found in an entry's pricing, for sorting and for workflows that pick the cheapest. */
export function lowestPriceOf(model: IDataObject): number | undefined {
	return lowestPrice(model.pricing);
}

export function modelLabel(kind: ModelKind, model: IDataObject): string {
	const id = String(model.id ?? '');
	const name = typeof model.name === 'string' && model.name.trim() !== '' ? model.name.trim() : id;
	const price = priceLabel(kind, model);
	return price ? `${name} (${price})` : name;
}

/** Catalogue responses are {data: [...]}, sometimes {models: [...]} or a bare array. */
export function catalogEntries(body: unknown): IDataObject[] {
	const list = Array.isArray(body)
		? body
		: Array.isArray((body as IDataObject | undefined)?.data)
			? ((body as IDataObject).data as unknown[])
			: Array.isArray((body as IDataObject | undefined)?.models)
				? ((body as IDataObject).models as unknown[])
				: [];
	return list.filter(
		(entry): entry is IDataObject =>
			!!entry && typeof entry === 'object' && typeof (entry as IDataObject).id === 'string',
	);
}
