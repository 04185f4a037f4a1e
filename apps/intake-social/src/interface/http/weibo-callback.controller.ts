import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CorrelationId, validationProblem } from '@complaints/http';
import { ReceiveMessageUseCase } from '../../application/receive-message/receive-message.use-case';
import { customerReplies } from '../../domain/customer-replies';
import { readWeiboPush, weiboTextReply } from '../../domain/weibo-push';
import { queryValue, WeiboSignatureGuard } from './callback-signature.guard';
import { socialMetrics } from '../social.metrics';
import { unavailable } from './unavailable';

@ApiTags('weibo')
@Controller('v1/weibo/callback')
@UseGuards(WeiboSignatureGuard)
export class WeiboCallbackController {
  constructor(private readonly receive: ReceiveMessageUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Fan-service URL check: answers the echostr when the signature is right' })
  @ApiQuery({ name: 'signature' }) @ApiQuery({ name: 'timestamp' }) @ApiQuery({ name: 'nonce' }) @ApiQuery({ name: 'echostr' })
  handshake(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    const echostr = queryValue(request, 'echostr');
    if (!echostr) throw validationProblem([{ field: 'echostr', message: 'echostr is required' }]);
    void reply.header('content-type', 'text/plain; charset=utf-8');
    return echostr;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fan-service pushes (private messages and events to the bank account)',
    description:
      'Messages become complaints (one per conversation); the reply JSON gives the customer the reference. A reply such as 满意, ' +
      '不满意 or 1-5 from a customer whose case was resolved (survey outstanding) is recorded as their satisfaction answer and thanked instead.',
  })
  async push(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply, @CorrelationId() correlationId: string): Promise<string | Record<string, unknown>> {
    const inbound = readWeiboPush(body);
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
