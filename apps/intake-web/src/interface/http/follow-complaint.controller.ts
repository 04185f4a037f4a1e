import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { REFERENCE_PATTERN, RULE_MESSAGES } from '@complaints/contracts';
import { BodyLimit, CorrelationId, ProblemException, SMALL_BODY_LIMIT_BYTES, problem, validationProblem } from '@complaints/http';
import { LookUpComplaintQuery } from '../../application/follow-complaint/look-up-complaint.query';
import { RateComplaintUseCase } from '../../application/rate-complaint/rate-complaint.use-case';
import { ComplaintStatusDto, LookUpComplaintDto, RateComplaintDto } from './follow-complaint.dto';

const NOT_FOUND = () =>
  new ProblemException(
    problem(404, 'complaint-not-found', 'No complaint matches this reference and these digits. Check both and try again.'),
  );

/** Too many wrong attempts at this reference (look-ups and ratings together): even the right digits wait. */
const LOCKED = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ProblemException(
    problem(429, 'reference-locked', 'Too many attempts with this reference. Try again later.', { retryAfterSeconds: seconds }),
    { 'retry-after': String(seconds) },
  );
};

/**
 * The customer's side after filing: how does my complaint stand, and how satisfied am I with the
 * answer. Both need the reference and the phone's last four digits, are rate-limited per client (together),
 * count every attempt against the reference (a few wrong ones lock it for a while, 429), and answer
 * 404 alike for an unknown reference and wrong digits. Only the complaint's own case is shown or rated.
 */
@ApiTags('complaints')
@Controller('v1/complaints')
@UseGuards(ThrottlerGuard)
// One per-client budget for look-ups and ratings together, not one per endpoint.
@Throttle({ default: { generateKey: (_context, tracker, throttler) => `follow-complaint:${throttler}:${tracker}` } })
export class FollowComplaintController {
  constructor(
    private readonly lookUp: LookUpComplaintQuery,
    private readonly rate: RateComplaintUseCase,
  ) {}

  @Post('lookup')
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Look up a complaint',
    description:
      "Status and the updates sent to the customer about this complaint's own case. POST, so the digits stay out of URLs and logs. " +
      'Every attempt counts against the reference (with ratings): after INTAKE_WEB_GUESS_MAX_ATTEMPTS (5) the reference is locked ' +
      'for INTAKE_WEB_GUESS_LOCK_SECONDS (15 minutes), right digits included.',
  })
  @ApiOkResponse({ type: ComplaintStatusDto })
  @ApiBadRequestResponse({ description: 'reference or phoneLast4 malformed (problem+json naming the field)' })
  @ApiNotFoundResponse({ description: 'No complaint with this reference and these digits (unknown references and wrong digits alike)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this client, or at this reference (`reference-locked`, with Retry-After)',
  })
  async lookUpComplaint(@Body() body: LookUpComplaintDto): Promise<ComplaintStatusDto> {
    const found = await this.lookUp.execute(body.reference, body.phoneLast4);
    if (found.outcome === 'locked') throw LOCKED(found.retryAfterMs);
    if (found.outcome !== 'found') throw NOT_FOUND();
    const { complaint } = found;
    return {
      reference: complaint.reference,
      status: complaint.status,
      receivedAt: complaint.receivedAt,
      updatedAt: complaint.updatedAt,
      updates: complaint.updates,
    };
  }

  @Post(':reference/satisfaction')
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rate the handling of a complaint (1-5)',
    description: 'Accepted once the case has an answer (responded, resolved or closed), once per complaint. Attempts count with look-ups.',
  })
  @ApiAcceptedResponse({ description: 'Recorded; the case service files it against the case.' })
  @ApiBadRequestResponse({ description: 'reference, phoneLast4, score or comment invalid (problem+json naming the field)' })
  @ApiNotFoundResponse({ description: 'No complaint with this reference and these digits' })
  @ApiConflictResponse({ description: '`complaint-not-resolved`: nothing to rate yet; `already-rated`: this complaint was rated before' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this client, or at this reference (`reference-locked`, with Retry-After)',
  })
  async rateComplaint(
    @Param('reference') reference: string,
    @Body() body: RateComplaintDto,
    @CorrelationId() correlationId: string,
  ): Promise<{ status: 'RECORDED' }> {
    if (!REFERENCE_PATTERN.test(reference)) throw validationProblem([{ field: 'reference', message: RULE_MESSAGES.en.referenceInvalid }]);
    const result = await this.rate.execute({
      reference,
      phoneLast4: body.phoneLast4,
      score: body.score,
      comment: body.comment,
      correlationId,
    });
    switch (result.outcome) {
      case 'recorded':
        return { status: 'RECORDED' };
      case 'locked':
        throw LOCKED(result.retryAfterMs);
      case 'not-found':
        throw NOT_FOUND();
      case 'not-resolved':
        throw new ProblemException(
          problem(409, 'complaint-not-resolved', 'This complaint has no answer yet; you can rate it once we have responded.'),
        );
      case 'already-rated':
        throw new ProblemException(problem(409, 'already-rated', 'This complaint has been rated already; thank you for your answer.'));
    }
  }
}
