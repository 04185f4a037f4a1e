/** The rows of a raw query: node-postgres via TypeORM answers [rows, count] for UPDATE/DELETE ... RETURNING and rows for SELECT and INSERT. */
export function rows<R>(result: unknown): R[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as R[];
  return result as R[];
}
