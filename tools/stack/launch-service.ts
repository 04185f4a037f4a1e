import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { entryPoint, ServiceEntry } from './services';
import { PROJECT_ROOT } from './stack-env';

/** A service process started by {@link launchService}; its stdout and stderr are pipes for the caller. */
export interface LaunchedService {
  service: ServiceEntry;
  child: ChildProcess;
  url: string;
}

export interface LaunchOptions {
  /** Overrides the port from the service's port variable (or its default). */
  port?: number;
  /** Extra node options before the entry point, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/**
 * Starts one built service the way `npm start` does (and the pipeline bench, which must run the stack
 * exactly like that): `node --enable-source-maps dist/apps/<name>/src/main.js` with the stack's
 * environment and the service's port variable set.
 */
export function launchService(service: ServiceEntry, env: NodeJS.ProcessEnv, options: LaunchOptions = {}): LaunchedService {
  const port = options.port ?? Number(env[service.portVariable] ?? service.defaultPort);
  const args = [...(options.nodeArgs ?? []), '--enable-source-maps', entryPoint(join(PROJECT_ROOT, 'dist'), service)];
  const child = spawn(process.execPath, args, {
    env: { ...env, [service.portVariable]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { service, child, url: `http://127.0.0.1:${port}` };
}
