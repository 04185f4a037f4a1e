/**
 * Upper bounds of numbers that reach SQL or arithmetic, so that `offset=1e21` or `2^63` is a 400 naming
 * the parameter rather than a database error (every numeric field of a DTO carries a `@Max`).
 */
export const NUMERIC_BOUNDS = {
  /** Rows skipped by a list page (`offset`): deeper paging than this is a filter's job. */
  listOffset: 100_000,
  /** A PostgreSQL `integer` (version numbers and the like). */
  int4: 2_147_483_647,
} as const;
