import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, ProblemException, problem, UncheckedBody } from '@complaints/http';
import { BrokerUnavailableError } from '@complaints/messaging';
import { SignedBy } from '@complaints/security';
import { StoreUnavailableError } from '../../application/receive-calls/call.store';
import { ReceiveCallsUseCase } from '../../application/receive-calls/receive-calls.use-case';
import { hotlineMetrics } from '../hotline.metrics';
import { parseCallBatch } from './call-batch.parser';
import { PushCallsDto, PushCallsResultDto } from './hotline-call.dto';
import { HotlineSignatureGuard } from './hotline-signature.guard';

export const MAX_CALLS_PER_BATCH = Symbol('MAX_CALLS_PER_BATCH');
const RETRY_AFTER_SECONDS = '5';

@ApiTags('hotline')
@Controller('v1/hotline/calls')
export class HotlineCallsController {
  constructor(
    private readonly receiveCalls: ReceiveCallsUseCase,
    @Inject(MAX_CALLS_PER_BATCH) private readonly maxCallsPerBatch: number,
  ) {}

  @Post()
  @HttpCode(200)
  @UseGuards(HotlineSignatureGuard)
  @ApiOperation({
    summary: 'Push a batch of call records',
    description:
      'Each call gets its own result: accepted (with the reference), duplicate (a callId seen before, with the original reference) ' +
      'or rejected (with field errors, e.g. a NUL character or a lone UTF-16 surrogate in one of its strings). A 200 means every accepted call is durable. Sign with ' +
      'X-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Timestamp>.<raw body>")>.',
  })
  @ApiHeader({ name: 'X-Callcenter-Id', required: true })
  @ApiHeader({ name: 'X-Timestamp', required: true, description: 'Unix seconds, within ±300 s of the server clock' })
  @ApiHeader({ name: 'X-Signature', required: true, description: 'sha256=<64 hex digits>' })
  @ApiBody({ type: PushCallsDto })
  @ApiOkResponse({ type: PushCallsResultDto })
  async push(
    @UncheckedBody() body: unknown,
    @SignedBy() callcenterId: string,
    @CorrelationId() correlationId: string,
  ): Promise<PushCallsResultDto> {
    const calls = parseCallBatch(body, this.maxCallsPerBatch);
    try {
      const results = await this.receiveCalls.execute({ callcenterId, calls, correlationId });
      for (const result of results) hotlineMetrics.calls.inc({ callcenter: callcenterId, status: result.status });
      return {
        received: results.length,
        accepted: results.filter((r) => r.status === 'accepted').length,
        duplicate: results.filter((r) => r.status === 'duplicate').length,
        rejected: results.filter((r) => r.status === 'rejected').length,
        results,
      };
    } catch (error) {
      if (error instanceof BrokerUnavailableError || error instanceof StoreUnavailableError) {
        throw new ProblemException(
          problem(
            503,
            'temporarily-unavailable',
            'The calls could not be stored safely right now and none was accepted. Push the batch again shortly.',
          ),
          { 'retry-after': RETRY_AFTER_SECONDS },
        );
      }
      throw error;
    }
  }
}
