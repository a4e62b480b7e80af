import type { INodeProperties } from 'n8n-workflow';

/** The account resource: its operation selector followed by each operation's fields. */
export const accountDescription: INodeProperties[] = [];
