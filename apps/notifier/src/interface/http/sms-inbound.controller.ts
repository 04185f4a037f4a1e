import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { PinoLogger } from 'nestjs-pino';
import { BodyLimit, CorrelationId, ProblemException, SMALL_BODY_LIMIT_BYTES, problem, validationProblem } from '@complaints/http';
import { SignedBy } from '@complaints/security';
import { InvalidSenderError, ReceiveSmsReplyUseCase } from '../../application/sms-replies/receive-sms-reply.use-case';
import { SmsStoreUnavailableError } from '../../application/sms-surveys/sms-survey.store';
import { smsSurveyMetrics } from '../sms-survey.metrics';
import { InboundSmsDto, InboundSmsResultDto } from './sms-inbound.dto';
import { SmsGatewaySignatureGuard } from './sms-gateway-signature.guard';

export const SMS_INBOUND_CLOCK = Symbol('SMS_INBOUND_CLOCK');

export interface InboundClock {
  now: () => number;
  /** How far ahead of the server clock a `receivedAt` may be (the signature's timestamp tolerance). */
  toleranceSeconds: number;
}

@ApiTags('sms')
@Controller('v1/sms/inbound')
export class SmsInboundController {
  constructor(
    private readonly receive: ReceiveSmsReplyUseCase,
    private readonly logger: PinoLogger,
    @Inject(SMS_INBOUND_CLOCK) private readonly clock: InboundClock,
  ) {}

  @Post()
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @HttpCode(200)
  @UseGuards(SmsGatewaySignatureGuard)
  @ApiOperation({
    summary: "Deliver a customer's SMS (mobile-originated message)",
    description:
      'The SMS gateway delivers the replies customers send to our service number. A reply such as 满意, 不满意 or 1-5 answers the most recent ' +
      'satisfaction survey texted to that phone that was still open when the gateway received it. Every well-formed, signed delivery is ' +
      'answered 200 with its outcome; a redelivery (same messageId) gets the same answer and changes nothing. Sign with ' +
      'X-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Timestamp>.<raw body>")>.',
  })
  @ApiHeader({ name: 'X-Gateway-Id', required: true, description: 'The gateway, as registered in SMS_INBOUND_SECRETS' })
  @ApiHeader({ name: 'X-Timestamp', required: true, description: 'Unix seconds, within ±300 s of the server clock' })
  @ApiHeader({ name: 'X-Signature', required: true, description: 'sha256=<64 hex digits>' })
  @ApiBody({ type: InboundSmsDto })
  @ApiOkResponse({ type: InboundSmsResultDto })
  async deliver(
    @Body() body: InboundSmsDto,
    @SignedBy() gatewayId: string,
    @CorrelationId() correlationId: string,
  ): Promise<InboundSmsResultDto> {
    const receivedAt = this.receivedAt(body.receivedAt);
    try {
      const recorded = await this.receive.execute({
        gatewayId,
        messageId: body.messageId,
        from: body.from,
        text: body.text,
        receivedAt,
        correlationId,
      });
      smsSurveyMetrics.replies.inc({ outcome: recorded.outcome });
      this.logger.info(
        { gatewayId, messageId: body.messageId, outcome: recorded.outcome, reference: recorded.reference },
        'SMS reply received',
      );
      return { messageId: body.messageId, outcome: recorded.outcome };
    } catch (error) {
      if (error instanceof InvalidSenderError)
        throw validationProblem([{ field: 'from', message: 'from must be a phone number (E.164, or national)' }]);
      if (error instanceof SmsStoreUnavailableError) {
        throw new ProblemException(
          problem(503, 'temporarily-unavailable', 'The message could not be recorded right now. Deliver it again shortly.'),
          { 'retry-after': '5' },
        );
      }
      throw error;
    }
  }

  private receivedAt(given: string | undefined): Date {
    const now = this.clock.now();
    if (!given) return new Date(now);
    const at = new Date(given);
    if (at.getTime() > now + this.clock.toleranceSeconds * 1000) {
      throw validationProblem([{ field: 'receivedAt', message: 'receivedAt must not be in the future' }]);
    }
    return at;
  }
}
