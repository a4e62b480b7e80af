import type { INodeProperties } from 'n8n-workflow';

/** The video resource: its operation selector followed by each operation's fields. */
export const videoDescription: INodeProperties[] = [];
