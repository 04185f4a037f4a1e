import { escapeLiteral } from 'pg';

/**
 * A value as a `jsonb` literal (pg's escapeLiteral of its JSON), for statements sent several at a time
 * in one simple-query round trip, where no bind parameters are allowed. Only ever used for values
 * serialised by us (JSON), never for SQL text.
 */
export const jsonbLiteral = (value: unknown): string => `${escapeLiteral(JSON.stringify(value))}::jsonb`;
