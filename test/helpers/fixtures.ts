/** Realistic NanoGPT response bodies, shaped after the NanoGPT docs and OpenAPI spec. */

export function chatCompletion(
	content: string | null,
	extra: { reasoning?: string; reasoningField?: 'reasoning' | 'reasoning_content'; legacyCost?: boolean; finishReason?: string } = {},
) {
	const message: Record<string, unknown> = { role: 'assistant', content };
	if (extra.reasoning) message[extra.reasoningField ?? 'reasoning'] = extra.reasoning;
	const body: Record<string, unknown> = {
		id: 'chatcmpl-9f2c1d',
		object: 'chat.completion',
		created: 1763800000,
		model: 'openai/gpt-5.2',
		choices: [{ index: 0, message, finish_reason: extra.finishReason ?? 'stop' }],
		usage: {
			prompt_tokens: 21,
			completion_tokens: 9,
			total_tokens: 30,
			prompt_tokens_details: { cached_tokens: 0 },
			completion_tokens_details: { reasoning_tokens: extra.reasoning ? 120 : 0 },
		},
	};
	if (extra.legacyCost) {
		body.nanoGPT = { cost: 0.0132, inputTokens: 21, outputTokens: 9, paymentSource: 'XNO' };
	} else {
		body.x_nanogpt_pricing = {
			cost: 0.000213,
			amount: 0.000213,
			currency: 'USD',
			paymentSource: 'USD',
			inputTokens: 21,
			outputTokens: 9,
			cacheCost: 0,
			billedToTeam: false,
		};
	}
	return body;
}

export function textCompletion(text: string) {
	return {
		id: 'cmpl-77ab',
		object: 'text_completion',
		created: 1763800000,
		model: 'openai/gpt-3.5-turbo-instruct',
		choices: [{ index: 0, text, finish_reason: 'length', logprobs: null }],
		usage: { prompt_tokens: 5, completion_tokens: 16, total_tokens: 21 },
		x_nanogpt_pricing: { cost: 0.00003, currency: 'USD', paymentSource: 'USD', inputTokens: 5, outputTokens: 16 },
	};
}

const PROVIDERS = ['openai', 'anthropic', 'google', 'meta-llama', 'deepseek', 'moonshotai', 'qwen', 'mistralai', 'zai-org', 'x-ai'];

/** A multi-hundred-model detailed catalogue, IDs with "/" and ":" as NanoGPT has them. */
export function textModelCatalog(count = 320) {
	const data = [];
	for (let index = 0; index < count; index++) {
		const provider = PROVIDERS[index % PROVIDERS.length];
		const suffix = index % 7 === 0 ? ':thinking' : index % 11 === 0 ? ':free' : '';
		data.push({
			id: `${provider}/model-${String(index).padStart(3, '0')}${suffix}`,
			object: 'model',
			created: 1700000000 + index,
			owned_by: provider,
			name: `${provider} Model ${index}${suffix ? ` (${suffix.slice(1)})` : ''}`,
			description: `Test model ${index}`,
			context_length: 128000,
			max_output_tokens: 16384,
			capabilities: { vision: index % 3 === 0, reasoning: !!suffix, tool_calling: index % 2 === 0, structured_output: true },
			pricing: { prompt: 0.15 + index / 100, completion: 0.6 + index / 50, currency: 'USD', unit: 'per_million_tokens' },
			icon_url: `https://nano-gpt.com/icons/${provider}.svg`,
		});
	}
	data.push(
		{ id: 'openai/gpt-5.2', object: 'model', owned_by: 'openai', name: 'GPT 5.2', pricing: { prompt: 1.25, completion: 10 } },
		{ id: 'moonshotai/kimi-k2.5:thinking', object: 'model', owned_by: 'moonshotai', name: 'Kimi K2.5 Thinking', pricing: { prompt: 0.6, completion: 2.5 } },
	);
	return { object: 'list', data };
}

export const balance = { usd_balance: '129.46956147', nano_balance: '26.71801147', nanoDepositAddress: 'nano_1testdepositaddress' };
