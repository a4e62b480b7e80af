import type { INodeProperties } from 'n8n-workflow';

/** The image resource: its operation selector followed by each operation's fields. */
export const imageDescription: INodeProperties[] = [];
