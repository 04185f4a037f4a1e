import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CorrelationId, ProblemException, problem, validationProblem } from '@complaints/http';
import { ReceiveMessageUseCase } from '../../application/receive-message/receive-message.use-case';
import { customerReplies } from '../../domain/customer-replies';
import { readWeiboPush, weiboTextReply } from '../../domain/weibo-push';
import { queryValue, WeiboSignatureGuard } from './callback-signature.guard';
import { CallbackReplays } from './callback-replays';
import { socialMetrics } from '../social.metrics';
import { unavailable } from './unavailable';

/** The bank's Weibo uid (WEIBO_ACCOUNT_UID): when set, a push to any other receiver_id is refused. */
export const WEIBO_RECEIVER = Symbol('WEIBO_RECEIVER');

@ApiTags('weibo')
@Controller('v1/weibo/callback')
@UseGuards(WeiboSignatureGuard)
@ApiResponse({
  status: 401,
  description: 'Problem: stale `timestamp`, missing `nonce`, wrong `signature`, or a `nonce` already used with another request (a replay)',
})
@ApiResponse({ status: 503, description: 'Problem: the message could not be recorded (Retry-After); nothing was acknowledged' })
export class WeiboCallbackController {
  constructor(
    private readonly receive: ReceiveMessageUseCase,
    private readonly replays: CallbackReplays,
    @Inject(WEIBO_RECEIVER) private readonly receiver: string,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Fan-service URL check: answers the echostr when the signature is right' })
  @ApiQuery({ name: 'signature' })
  @ApiQuery({ name: 'timestamp' })
  @ApiQuery({ name: 'nonce' })
  @ApiQuery({ name: 'echostr' })
  @ApiResponse({ status: 400, description: 'Problem naming `echostr` when it is missing' })
  async handshake(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const echostr = queryValue(request, 'echostr');
    if (!echostr) throw validationProblem([{ field: 'echostr', message: 'echostr is required' }]);
    await this.replays.once('weibo', request, `echostr:${echostr}`);
    void reply.header('content-type', 'text/plain; charset=utf-8');
    return echostr;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fan-service pushes (private messages and events to the bank account)',
    description:
      'Messages become complaints (one per conversation); the reply JSON gives the customer the reference. A reply such as 满意, ' +
      '不满意 or 1-5 from a customer whose case was resolved (survey outstanding) is recorded as their satisfaction answer and thanked instead. ' +
      'A signed query string is good for one push (the same push delivered again is answered as before; with another body it is a 401 replay).',
  })
  @ApiResponse({ status: 400, description: 'Problem naming the field of the push that is invalid' })
  @ApiResponse({ status: 403, description: 'Problem naming `receiver_id`: the push is for another account than WEIBO_ACCOUNT_UID' })
  async push(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId: string,
  ): Promise<string | Record<string, unknown>> {
    await this.replays.once(
      'weibo',
      request,
      `json:${(request as FastifyRequest & { rawBody?: Buffer }).rawBody?.toString('latin1') ?? ''}`,
    );
    const inbound = readWeiboPush(body);
    if (inbound.kind !== 'invalid' && this.receiver && inbound.receiverId !== this.receiver) {
      const message = 'the push is addressed to another Weibo account';
      throw new ProblemException(problem(403, 'weibo-other-account', message, { errors: [{ field: 'receiver_id', message }] }));
    }
    switch (inbound.kind) {
      case 'invalid':
        throw validationProblem(inbound.errors, 'The Weibo push has invalid fields.');
      case 'ignored':
        void reply.header('content-type', 'text/plain; charset=utf-8');
        return '';
      case 'follow':
        return weiboTextReply(inbound.senderId, inbound.receiverId, customerReplies.welcome());
      case 'message':
        try {
          const recorded = await this.receive.execute(inbound.message, correlationId);
          socialMetrics.messages.inc({ channel: 'weibo', outcome: recorded.outcome });
          return weiboTextReply(inbound.senderId, inbound.receiverId, recorded.reply);
        } catch (error) {
          throw unavailable(error, 'The message could not be recorded right now; push it again shortly.');
        }
    }
  }
}
