import { Client } from 'pg';

/** Creates the database named in a postgres:// URL when it does not exist yet. True when it created it. */
export async function ensureDatabase(url: string): Promise<boolean> {
  return withServer(url, async (client, name) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // Another service created it at the same moment.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
    return true;
  });
}

/** Drops the database named in a postgres:// URL, disconnecting its sessions (tests, benchmarks, reset). */
export async function dropDatabase(url: string): Promise<void> {
  await withServer(url, (client, name) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Runs `work` on a connection to the server's `postgres` database, with the URL's database name checked. */
async function withServer<T>(url: string, work: (client: Client, name: string) => Promise<T>): Promise<T> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`DATABASE_URL names an unusable database: "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}
