import type { INodeParameters } from 'n8n-workflow';

export function modelById(id: string): INodeParameters {
	return { __rl: true, mode: 'id', value: id } as unknown as INodeParameters;
}

/** Parameters of Text > Ask as the editor saves them; `extra` overrides or adds. */
export function askParameters(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'text', operation: 'ask', model: modelById('openai/gpt-5.2'), prompt: 'Say hello', ...extra };
}

export function completeParameters(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'text',
		operation: 'complete',
		model: modelById('openai/gpt-3.5-turbo-instruct'),
		prompt: 'Once upon a time',
		...extra,
	};
}
