import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, HttpAppOptions, listen } from '@complaints/http';

/** A TCP port nobody listens on now (for a service whose URL another must know before it starts). */
export { freePort } from '../../bench/child-service';

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Boots a service in-process on a free port (or `port`), exactly as its main.ts does. */
export async function startApp(
  module: DynamicModule,
  options: Omit<HttpAppOptions, 'openApi'> & { port?: number } = {},
): Promise<RunningApp> {
  const { port = 0, ...http } = options;
  const app = await createHttpApp(module, { ...http, openApi: { title: 'test', description: 'test' } });
  const url = await listen(app, '127.0.0.1', port);
  return { app, url, close: () => app.close() };
}

/** Polls until `probe` returns a value (not undefined) or the time is up (90 s: services may be busy with earlier tests' events). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 90_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
