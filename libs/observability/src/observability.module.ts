import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { ServiceConfig } from '@complaints/config';
import { createLogger, LOG_SERIALIZERS } from './create-logger';
import { HealthController } from './health.controller';
import { loggableUrl } from './loggable-url';
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
                req: (req: { method: string; url: string }) => ({ method: req.method, url: loggableUrl(req.url) }),
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

/** A correlation id from outside (a header, a Kafka header) is used only when it is 1-128 of `A-Z a-z 0-9 . _ : -`. */
export const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `value` when it is a safe correlation id, else undefined (never echo or log markup, spaces or CR/LF). */
export function safeCorrelationId(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && SAFE_CORRELATION_ID.test(first) ? first : undefined;
}

/**
 * The request's correlation id: the one already assigned to it (Fastify assigns it on arrival, the
 * logger reuses it), else the caller's `x-correlation-id` when safe, else a new UUID.
 */
export function correlationIdOf(req: IncomingMessage & { id?: unknown }): string {
  return safeCorrelationId(req.id) ?? safeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
}
