import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loggableUrl } from '@complaints/observability';
import { Problem, PROBLEM_CONTENT_TYPE, ProblemException, problem } from './problem';

/**
 * Every error leaves the service as application/problem+json. Unknown errors are logged and
 * answered with a bare 500: never a stack trace or an internal message.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers } = this.toProblem(exception);
    // Deliberate problems (503 while Kafka is down...) are answers, not faults: only unknown errors are logged.
    if (body.status >= 500 && !(exception instanceof ProblemException))
      this.logger.error({ err: exception, url: loggableUrl(request.url) }, 'request failed');
    void reply
      .status(body.status)
      .headers(headers)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...body, instance: request.url });
  }

  private toProblem(exception: unknown): { body: Problem; headers: Record<string, string> } {
    if (exception instanceof ProblemException) return { body: exception.problem, headers: exception.headers };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
      const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
      const code = status === 404 ? 'not-found' : status === 429 ? 'rate-limited' : `http-${status}`;
      // Plain 400/413/415s come from parsing the body (malformed JSON, wrong content type, too large).
      if (status === 415) {
        const message = 'must be application/json';
        return {
          body: problem(415, 'unsupported-media-type', `Content-Type ${message}.`, { errors: [{ field: 'Content-Type', message }] }),
          headers: {},
        };
      }
      const bodyError = [400, 413].includes(status) && detail ? { errors: [{ field: 'body', message: detail }] } : {};
      return { body: problem(status, code, detail, bodyError), headers: {} };
    }
    return { body: problem(500, 'internal', 'An unexpected error occurred. It has been logged.'), headers: {} };
  }
}
