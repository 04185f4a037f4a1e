import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { CORRELATION_HEADER, correlationIdOf, httpRequestSeconds } from '@complaints/observability';
import { applyRouteBodyLimits } from './body-limit';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';
import { problem, PROBLEM_CONTENT_TYPE, ProblemException } from './problem';
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
    // The caller's x-correlation-id only when it is a safe token (else a new one): it is echoed and logged.
    requestIdHeader: false,
    genReqId: (raw: IncomingMessage) => ((raw as IncomingMessage & { id?: string }).id = correlationIdOf(raw)),
    // A path Fastify cannot decode (`%zz`, an encoded surrogate) or an over-long parameter: problem+json too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const message = tooLong ? 'has a parameter that is too long' : 'must be valid percent-encoded UTF-8';
      void reply
        .status(tooLong ? 414 : 400)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({
          ...problem(tooLong ? 414 : 400, 'bad-path', `The request path ${message}.`, { errors: [{ field: 'path', message }] }),
          instance: request.url,
        });
    },
    // request.ip (per-client limits, logs) is the TCP peer unless that peer is a trusted proxy.
    trustProxy: options.trustedProxies ?? parseTrustedProxies(process.env.TRUSTED_PROXIES),
  });
  // JSON only (Nest would add url-encoded forms), keeping the exact bytes when a signature is checked over them.
  // Nesting is limited before anything parses or walks the body (a 100,000-deep array must not exhaust a stack).
  const fastify = adapter.getInstance();
  applyRouteBodyLimits(fastify);
  adapter.useBodyParser('application/json', options.rawBody ?? false, undefined, (request, body, done) => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) return done(tooDeep(), undefined);
    void fastify.getDefaultJsonParser('error', 'error')(request, body as unknown as string, done);
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (options.corsOrigins?.length || options.publicCors) enableCors(app, options.corsOrigins ?? [], options.publicCors);

  // Anything but JSON is refused with 415 rather than half-parsed.
  fastify.removeContentTypeParser(['text/plain']);
  // A path no route matches is answered 404 at once, before its body is read or parsed (whatever its spelling).
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return undefined;
    const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
    if (hasBody) reply.header('connection', 'close');
    return reply
      .status(404)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem(404, 'not-found', 'There is no such resource.'), instance: request.url });
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header(CORRELATION_HEADER, correlationId(request.raw) ?? request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    httpRequestSeconds.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.openApi.title)
      .setDescription(options.openApi.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { swaggerUiEnabled: false, jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  if (options.site) await mountSite(app, options.site);
  return app;
}

function tooDeep(): ProblemException {
  const message = `must not nest arrays and objects more than ${MAX_JSON_DEPTH} levels deep`;
  return new ProblemException(problem(400, 'validation', `The request body ${message}.`, { errors: [{ field: 'body', message }] }));
}

/** The correlation id the logging middleware assigned to a request (also used by controllers). */
export function correlationId(raw: { id?: unknown }): string | undefined {
  return typeof raw.id === 'string' ? raw.id : undefined;
}

/** Starts listening and returns the base URL. */
export async function listen(app: INestApplication, host: string, port: number): Promise<string> {
  await app.listen(port, host);
  const address = (app.getHttpServer() as Server).address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}`;
}
