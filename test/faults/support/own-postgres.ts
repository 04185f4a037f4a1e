import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * A PostgreSQL server of the fault suite's own (Debian's binaries under /usr/lib/postgresql/<version>/bin,
 * a fresh data directory in the temp dir, trust auth, 127.0.0.1:<port>), so the suite can crash and
 * restart it without touching the machine's shared server. PostgreSQL refuses to run as root: when
 * the suite runs as root, the server runs as the `postgres` user.
 */
export class OwnPostgres {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly bin: string,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  /** initdb + start; resolves once the server accepts connections. */
  static async start(port: number): Promise<OwnPostgres> {
    const bin = postgresBinDir();
    const user = process.getuid?.() === 0 ? postgresUser() : undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'complaints-faults-pg-'));
    if (user) chownSync(dataDir, user.uid, user.gid);
    const server = new OwnPostgres(port, dataDir, bin, user);
    // Never outlive the suite (jest exiting on a failure or Ctrl-C): the postmaster is detached by pg_ctl.
    process.once('exit', () => server.stopNow());
    await server.run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await server.startServer();
    return server;
  }

  /** A connection string to `database` on this server. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** The postmaster's pid (first line of postmaster.pid), while it runs. */
  pid(): number | null {
    const file = join(this.dataDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
  }

  /**
   * A crash and a restart: `pg_ctl stop -m immediate` (every server process quits at once without a
   * checkpoint, as after a power cut of the server alone), `downMs` of outage, then start (crash recovery).
   */
  async crashAndRestart(downMs: number): Promise<void> {
    await this.run('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'immediate', '-w']);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startServer();
  }

  /** Stops the server (fast) and deletes its data directory. */
  async destroy(): Promise<void> {
    if (this.pid() !== null) await this.run('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'fast', '-w']).catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Synchronous immediate stop and removal, for the process's exit. */
  private stopNow(): void {
    if (this.pid() !== null) {
      try {
        execFileSync(join(this.bin, 'pg_ctl'), ['stop', '-D', this.dataDir, '-m', 'immediate', '-w'], {
          uid: this.user?.uid,
          gid: this.user?.gid,
          stdio: 'ignore',
        });
      } catch {
        // Already stopping or gone.
      }
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async startServer(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.dataDir}`,
      // Eight services with pools of 10, their restarts' fresh pools before the old sockets time out, and the suite.
      '-c max_connections=300',
    ].join(' ');
    await this.run('pg_ctl', ['start', '-D', this.dataDir, '-w', '-t', '60', '-l', join(this.dataDir, 'server.log'), '-o', options]);
  }

  private async run(tool: string, args: string[]): Promise<void> {
    await execFileAsync(join(this.bin, tool), args, { cwd: this.dataDir, uid: this.user?.uid, gid: this.user?.gid }).catch(
      (error: unknown) => {
        const e = error as { stdout?: string; stderr?: string; message: string };
        throw new Error(`${tool} ${args[0]} failed: ${e.message.split('\n')[0]}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      },
    );
  }
}

/** The newest PostgreSQL installed from Debian's packages. */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${root} (apt-get install postgresql)`);
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
