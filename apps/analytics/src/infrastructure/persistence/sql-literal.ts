/**
 * A string as a PostgreSQL literal (`E'...'`, quotes and backslashes escaped, as pg's escapeLiteral
 * does), for statements sent several at a time in one simple-query round trip, where no bind
 * parameters are allowed. Only ever used for values serialised by us (JSON), never for SQL text.
 */
export function sqlLiteral(value: string): string {
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A value as a `jsonb` literal. */
export const jsonbLiteral = (value: unknown): string => `${sqlLiteral(JSON.stringify(value))}::jsonb`;
