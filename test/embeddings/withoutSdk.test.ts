// An n8n without @n8n/ai-node-sdk (n8n 1.x): requiring the SDK fails, as it would there.
jest.mock('@n8n/ai-node-sdk', () => {
	throw Object.assign(new Error("Cannot find module '@n8n/ai-node-sdk'"), { code: 'MODULE_NOT_FOUND' });
});

import { authed } from '../helpers/fakeNanoGpt';
import { bagOfWordsEmbedding, embeddingsAnswer } from '../helpers/knowledgeFixtures';
import { useFakeNanoGpt } from '../helpers/server';
import { parameters, runWithEmbeddings } from './harness';

const server = useFakeNanoGpt();

test('the embeddings sub-node needs no SDK (and no LangChain): it works where the SDK is missing', async () => {
	server.on('POST', '/v1/embeddings', authed((request) => ({ json: embeddingsAnswer(request.json) })));
	expect(() => require('@n8n/ai-node-sdk')).toThrow("Cannot find module '@n8n/ai-node-sdk'");
	const result = await runWithEmbeddings(parameters(), async (embeddings) => ({ vector: await embeddings.embedQuery('hello world') }), server.baseUrl);
	expect(result.error).toBeUndefined();
	expect(result.output).toEqual({ vector: bagOfWordsEmbedding('hello world') });
});
