import type { INodeProperties } from 'n8n-workflow';

/** The model resource: its operation selector followed by each operation's fields. */
export const modelDescription: INodeProperties[] = [];
