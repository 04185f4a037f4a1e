import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { ServiceConfig } from '@complaints/config';
import { createLogger, LOG_SERIALIZERS } from './create-logger';
import { HealthController } from './health.controller';
import { collectProcessMetrics } from './http.metrics';
import { MetricsController } from './metrics.controller';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

export interface ObservabilityOptions {
  service: string;
  /** Providers (already available in the app) that `/health/ready` runs. */
  readiness: Type<ReadinessCheck>[];
}

export const CORRELATION_HEADER = 'x-correlation-id';

/** JSON logs with a correlation id per request, `/health/live`, `/health/ready` and `/metrics`. */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    collectProcessMetrics(options.service);
    const readiness: Provider = {
      provide: READINESS_CHECKS,
      useFactory: (...checks: ReadinessCheck[]) => checks,
      inject: options.readiness,
    };
    return {
      module: ObservabilityModule,
      imports: [
        TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' }),
        LoggerModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => ({
            pinoHttp: {
              logger: createLogger(options.service, config.LOG_LEVEL),
              genReqId: (req: IncomingMessage) => correlationIdOf(req),
              customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
              autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
              serializers: {
                ...LOG_SERIALIZERS,
                req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
          }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [readiness],
    };
  }
}

/** The caller's correlation id when it sent a sane one, else a new one. */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers[CORRELATION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}
