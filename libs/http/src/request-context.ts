import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { correlationId } from './create-http-app';

/** The request's correlation id (from `x-correlation-id`, or the one assigned on arrival). */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return correlationId(request.raw) ?? request.id;
});

/**
 * The parsed JSON body as sent, without the global pipe's string checks or DTO validation: only for a
 * handler that judges the items of a batch one by one, and so checks each item itself (`unsafeStringIn`,
 * `parseContract`), e.g. a call centre's pushed batch where one bad call must not sink the others.
 */
export const UncheckedBody = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): unknown => ctx.switchToHttp().getRequest<FastifyRequest>().body,
);
