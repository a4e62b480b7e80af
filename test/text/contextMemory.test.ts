import { withMemorySuffix } from '../../nodes/shared/contextMemory';
import { chatModelSettings } from '../../nodes/LmChatNanoGpt/settings';
import { runNode } from '../helpers/engine';
import { openApiErrors } from '../helpers/openapi';
import { askParameters } from '../helpers/params';
import { useFakeNanoGpt } from '../helpers/server';

const server = useFakeNanoGpt();

describe('Context Memory (the :memory model suffix)', () => {
	test('withMemorySuffix: before any web search suffix, days when given, never twice', () => {
		expect(withMemorySuffix('openai/gpt-5.2')).toBe('openai/gpt-5.2:memory');
		expect(withMemorySuffix('openai/gpt-5.2', 30)).toBe('openai/gpt-5.2:memory-30');
		expect(withMemorySuffix('anthropic/claude-opus-4.6:online/linkup-deep', 30)).toBe('anthropic/claude-opus-4.6:memory-30:online/linkup-deep');
		expect(withMemorySuffix('moonshotai/kimi-k2.5:thinking')).toBe('moonshotai/kimi-k2.5:thinking:memory');
		expect(withMemorySuffix('openai/gpt-5.2:memory-7', 30)).toBe('openai/gpt-5.2:memory-7');
	});

	test('Text > Ask: Context Memory and its days go into the model ID; with web search, memory comes first', async () => {
		await runNode(askParameters({ options: { contextMemory: true, contextMemoryDays: 7 } }), { baseUrl: server.baseUrl });
		expect(server.lastRequest().json.model).toBe('openai/gpt-5.2:memory-7');
		expect(openApiErrors('ChatCompletionRequest', server.lastRequest().json)).toEqual([]);
		await runNode(askParameters({ options: { contextMemory: true, webSearch: 'deep' } }), { baseUrl: server.baseUrl });
		expect(server.lastRequest().json.model).toBe('openai/gpt-5.2:memory:online/linkup-deep');
		await runNode(askParameters({ options: { contextMemory: false, contextMemoryDays: 7 } }), { baseUrl: server.baseUrl });
		expect(server.lastRequest().json.model).toBe('openai/gpt-5.2');
	});

	test('Text > Ask: days out of range fail before sending', async () => {
		const result = await runNode(askParameters({ options: { contextMemory: true, contextMemoryDays: 400 } }), { baseUrl: server.baseUrl });
		expect(result.error?.message).toBe('The parameter "Context Memory Days" must be at least 1 and at most 365');
		expect(server.requests).toHaveLength(0);
	});

	test('NanoGPT Chat Model: the same options on the model ID', () => {
		expect(chatModelSettings('openai/gpt-5.2', { contextMemory: true }).model).toBe('openai/gpt-5.2:memory');
		expect(chatModelSettings('openai/gpt-5.2', { contextMemory: true, contextMemoryDays: 90 }).model).toBe('openai/gpt-5.2:memory-90');
		expect(chatModelSettings('openai/gpt-5.2', { contextMemoryDays: 90 }).model).toBe('openai/gpt-5.2');
		expect(() => chatModelSettings('openai/gpt-5.2', { contextMemory: true, contextMemoryDays: 0 })).toThrow('The option "Context Memory Days" is out of range');
	});
});
