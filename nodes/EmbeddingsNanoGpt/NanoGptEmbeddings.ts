import type { IDataObject, ISupplyDataFunctions } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { decodeEmbedding } from '../shared/vectors';
import type { EmbeddingsSettings } from './settings';
import { postEmbeddings } from './transport';

/**
 * NanoGPT embeddings in the shape n8n's vector stores and retrievers use (LangChain's Embeddings interface, without
 * LangChain): embedDocuments(texts) and embedQuery(text). Each call is recorded on the sub-node (its input and output
 * show in the editor, errors too), as n8n's own embeddings sub-nodes do.
 */
export class NanoGptEmbeddings {
	constructor(
		private readonly context: ISupplyDataFunctions,
		private readonly settings: EmbeddingsSettings,
	) {}

	/** One vector per text, in order; texts are sent in requests of at most Batch Size (2,048 at most). */
	async embedDocuments(documents: string[]): Promise<number[][]> {
		return await this.recorded({ documents }, async () => {
			const texts = this.checkedTexts(documents);
			const vectors: number[][] = [];
			for (let start = 0; start < texts.length; start += this.settings.batchSize) {
				vectors.push(...(await this.embed(texts.slice(start, start + this.settings.batchSize))));
			}
			return vectors;
		});
	}

	/** The vector of one search query. */
	async embedQuery(query: string): Promise<number[]> {
		return await this.recorded({ query }, async () => {
			if (typeof query !== 'string' || query.trim() === '') {
				throw new NodeOperationError(this.context.getNode(), 'Cannot embed an empty query', {
					description: 'The text to search for is empty. Check the expression or the question given to the vector store.',
				});
			}
			return (await this.embed([query]))[0];
		});
	}

	/** The request body for some texts (also used by the tests to check the exact payload). */
	requestBody(texts: string[]): IDataObject {
		return { model: this.settings.model, input: texts, ...(this.settings.dimensions !== undefined ? { dimensions: this.settings.dimensions } : {}) };
	}

	private checkedTexts(documents: unknown): string[] {
		if (!Array.isArray(documents)) {
			throw new NodeOperationError(this.context.getNode(), 'The documents to embed are not a list', { description: 'Expected a list of texts.' });
		}
		const invalid = documents.findIndex((text) => typeof text !== 'string' || text === '');
		if (invalid !== -1) {
			throw new NodeOperationError(this.context.getNode(), `Document ${invalid} to embed is empty`, {
				description: 'Every document needs some text. Check the document loader and the text splitter before the vector store.',
			});
		}
		return documents as string[];
	}

	private async embed(texts: string[]): Promise<number[][]> {
		if (texts.length === 0) return [];
		const body = await postEmbeddings(this.context, this.requestBody(texts), this.settings);
		const data = (Array.isArray(body.data) ? body.data : []).filter((entry): entry is IDataObject => !!entry && typeof entry === 'object');
		const byIndex = new Map<number, IDataObject>();
		data.forEach((entry, position) => byIndex.set(typeof entry.index === 'number' ? entry.index : position, entry));
		return texts.map((_text, position) => {
			const vector = decodeEmbedding(byIndex.get(position)?.embedding);
			if (!vector) {
				throw new NodeOperationError(this.context.getNode(), `NanoGPT returned no embedding for text ${position}`, {
					description: `It sent ${data.length} embedding(s) for ${texts.length} text(s). Run the workflow again; if it keeps happening, try another model.`,
				});
			}
			return vector;
		});
	}

	/** Records the call on the sub-node (input, then output or error), as n8n's log wrapper does for its own sub-nodes. */
	private async recorded<T>(input: IDataObject, call: () => Promise<T>): Promise<T> {
		const { index } = this.context.addInputData(NodeConnectionTypes.AiEmbedding, [[{ json: input }]]);
		try {
			const response = await call();
			this.context.addOutputData(NodeConnectionTypes.AiEmbedding, index, [[{ json: { response } as IDataObject }]]);
			return response;
		} catch (error) {
			const nodeError =
				error instanceof NodeOperationError || error instanceof NodeApiError
					? error
					: new NodeOperationError(this.context.getNode(), error as Error);
			this.context.addOutputData(NodeConnectionTypes.AiEmbedding, index, nodeError);
			throw nodeError;
		}
	}
}
