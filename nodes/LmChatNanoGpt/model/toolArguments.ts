/** Strips a Markdown code fence some models wrap around JSON. */
function withoutCodeFence(text: string): string {
	const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(text);
	return fenced ? fenced[1] : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Tool-call `arguments` as a JSON object text. Models behind NanoGPT sometimes send "", null, fenced JSON,
 * double-encoded JSON or something that is not an object at all: those become "{}" (or the decoded object),
 * so the agent never fails on JSON.parse.
 */
export function normalizeToolArguments(raw: unknown): string {
	if (isPlainObject(raw)) return JSON.stringify(raw);
	if (typeof raw !== 'string') return '{}';
	let value: unknown = withoutCodeFence(raw.trim());
	for (let depth = 0; depth < 2 && typeof value === 'string'; depth++) {
		if (value === '') return '{}';
		try {
			value = JSON.parse(value);
		} catch {
			return '{}';
		}
	}
	return isPlainObject(value) ? JSON.stringify(value) : '{}';
}
