import { ChildProcess } from 'node:child_process';
import { ExitStatus, Incarnation } from './supervisor';

/**
 * A spawned child process as a {@link Incarnation}: `exited` settles on its exit (or spawn error);
 * `stop` sends SIGTERM and SIGKILL after `stopTimeoutMs`, and resolves once it has exited.
 */
export function processIncarnation(child: ChildProcess, stopTimeoutMs: number): Incarnation {
  let ended = false;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    });
    // Only a spawn failure ends it (no pid); a failed kill of a live process does not.
    child.on('error', (error) => {
      if (child.pid !== undefined) return;
      ended = true;
      resolve({ code: null, signal: null, error: error.message });
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid,
    exited,
    stop: () =>
      (stopping ??= (async () => {
        if (ended) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      })()),
  };
}
