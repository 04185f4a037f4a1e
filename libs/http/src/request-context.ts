import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { correlationId } from './create-http-app';

/** The request's correlation id (from `x-correlation-id`, or the one assigned on arrival). */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return correlationId(request.raw as { id?: unknown }) ?? request.id;
});
