import { DynamicModule } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { createHttpApp, HttpAppOptions, listen } from './create-http-app';

export interface ServiceDefinition extends HttpAppOptions {
  module: DynamicModule;
  host: string;
  port: number;
}

/**
 * Entry point of every service's main.ts: builds the definition (reading and validating
 * configuration), starts the HTTP server and logs where it listens. A service that cannot start
 * (invalid configuration, unreachable dependency) says why on stderr and exits with status 1.
 */
export async function runService(define: () => ServiceDefinition): Promise<void> {
  try {
    const definition = define();
    const app = await createHttpApp(definition.module, definition);
    const url = await listen(app, definition.host, definition.port);
    app.get(Logger).log(`listening on ${url}`, 'Bootstrap');
  } catch (error) {
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', msg: 'service failed to start', error: error instanceof Error ? error.message : String(error) })}\n`,
    );
    process.exit(1);
  }
}
