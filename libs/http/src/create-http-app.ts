import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { CORRELATION_HEADER, httpRequestSeconds } from '@complaints/observability';
import { ProblemDetailsFilter } from './problem-details.filter';
import { enableCors, PublicCorsOptions } from './cors';
import { mountSite, SiteOptions } from './site';
import { parseTrustedProxies } from './trusted-proxies';
import { createValidationPipe } from './validation.pipe';

export interface HttpAppOptions {
  /** Largest accepted request body. */
  bodyLimitBytes?: number;
  /** Keep the raw request body (`request.rawBody`), e.g. to verify a signature over the exact bytes. */
  rawBody?: boolean;
  openApi: { title: string; description: string };
  /** A built web site this service serves (customer site, staff console). */
  site?: SiteOptions;
  /** Origins whose pages may call this API from the browser (CORS, with the Authorization header; not the `publicCors` paths); none when empty. */
  corsOrigins?: string[];
  /** Paths other sites' pages may read across origins (e.g. analytics' public transparency report). */
  publicCors?: PublicCorsOptions;
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDR blocks); default: the TRUSTED_PROXIES setting, none when unset. */
  trustedProxies?: string[];
}

/**
 * A Nest app on Fastify with the platform's HTTP conventions: pino logs, problem+json errors,
 * strict validation, a correlation id echoed in `x-correlation-id`, request metrics, OpenAPI at
 * `/openapi.json` and `/openapi.yaml`, and graceful shutdown.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    requestIdHeader: CORRELATION_HEADER,
    genReqId: () => randomUUID(),
    // request.ip (per-client limits, logs) is the TCP peer unless that peer is a trusted proxy.
    trustProxy: options.trustedProxies ?? parseTrustedProxies(process.env.TRUSTED_PROXIES),
  });
  // JSON only (Nest would add url-encoded forms), keeping the exact bytes when a signature is checked over them.
  const fastify = adapter.getInstance();
  adapter.useBodyParser('application/json', options.rawBody ?? false, undefined, (request, body, done) =>
    fastify.getDefaultJsonParser('error', 'error')(request, body as unknown as string, done),
  );
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (options.corsOrigins?.length || options.publicCors) enableCors(app, options.corsOrigins ?? [], options.publicCors);

  // Anything but JSON is refused with 415 rather than half-parsed.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header(CORRELATION_HEADER, correlationId(request.raw) ?? request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpRequestSeconds.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.openApi.title).setDescription(options.openApi.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { swaggerUiEnabled: false, jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  if (options.site) await mountSite(app, options.site);
  return app;
}

/** The correlation id the logging middleware assigned to a request (also used by controllers). */
export function correlationId(raw: { id?: unknown }): string | undefined {
  return typeof raw.id === 'string' ? raw.id : undefined;
}

/** Starts listening and returns the base URL. */
export async function listen(app: INestApplication, host: string, port: number): Promise<string> {
  await app.listen(port, host);
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}`;
}
