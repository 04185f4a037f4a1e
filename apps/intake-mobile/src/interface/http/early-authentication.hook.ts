import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemException } from '@complaints/http';
import { CustomerTokenGuard } from './customer-token.guard';

/**
 * Refuses an unauthenticated request to any route of the app API before its body is read: a submission
 * may carry tens of megabytes of evidence, and nobody without a valid token should make the service
 * receive and parse them. The guard checks the token again on the route (defence in depth).
 */
@Injectable()
export class EarlyAuthenticationHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly guard: CustomerTokenGuard,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRequest', async (request, reply) => {
      // Decided by the route Fastify matched, never by the URL as spelled (`/v1/%61pp/...`, `//v1/app/...`, a trailing slash...).
      if (!request.routeOptions.url?.startsWith('/v1/app/')) return undefined;
      try {
        await this.guard.authenticate(request);
        return undefined;
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        // Returning the reply after send() ends the request here (Fastify's way to answer from an async hook).
        return reply
          .status(error.problem.status)
          .headers(error.headers)
          .header('content-type', PROBLEM_CONTENT_TYPE)
          .header('connection', 'close')
          .send({ ...error.problem, instance: request.url });
      }
    });
  }
}
