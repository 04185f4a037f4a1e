/** A database beside the test run's (DATABASE_URL + `_<suffix>`), for a service whose rows other tests must not see. */
export function databaseOfItsOwn(suffix: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}
