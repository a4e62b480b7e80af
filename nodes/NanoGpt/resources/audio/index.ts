import type { INodeProperties } from 'n8n-workflow';

/** The audio resource: its operation selector followed by each operation's fields. */
export const audioDescription: INodeProperties[] = [];
