import { Body, Controller, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { REFERENCE_PATTERN } from '@complaints/contracts';
import { BodyLimit, CorrelationId, ProblemException, SMALL_BODY_LIMIT_BYTES, problem, validationProblem } from '@complaints/http';
import { IdempotencyKeyReusedError, keyReusedProblem, requiredIdempotencyKey } from '@complaints/intake';
import {
  ComplaintAlreadyRatedError,
  ComplaintNotRateableError,
  RateComplaintUseCase,
} from '../../application/rate-complaint/rate-complaint.use-case';
import { ComplaintNotFoundError } from '../../application/track-complaints/view-my-complaints.use-case';
import { mobileMetrics } from '../mobile.metrics';
import { AppRatingAcceptedDto, RateAppComplaintDto } from './app-complaint.dto';
import { appUnavailableOr } from './app-http.problems';
import { CustomerId, CustomerTokenGuard } from './customer-token.guard';
import { CustomerThrottlerGuard } from './customer-throttler.guard';

@ApiTags('app complaints')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, forged, expired or not-yet-valid token (problem+json)' })
@ApiTooManyRequestsResponse({ description: 'More than MOBILE_RATE_LIMIT_PER_MIN requests a minute for this customer; see Retry-After' })
@Controller('v1/app/complaints')
@UseGuards(CustomerTokenGuard, CustomerThrottlerGuard)
export class AppRatingsController {
  constructor(private readonly rateComplaint: RateComplaintUseCase) {}

  @Post(':reference/satisfaction')
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rate the handling of one of my complaints (1-5)',
    description:
      'The answer to the survey sent on resolution. Accepted once the case has an answer (RESPONDED, RESOLVED or CLOSED), ' +
      'published for the case service, which records it (1-2 reopen and escalate the case). Retrying with the same ' +
      'Idempotency-Key and body answers the same (header Idempotent-Replayed: true) and records one rating. ' +
      'A complaint is rated once: a rating under another Idempotency-Key after that is refused (409 already-rated, naming the rating given).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A fresh random value per rating (e.g. a UUID), reused on retries. Scoped to the customer.',
  })
  @ApiAcceptedResponse({ type: AppRatingAcceptedDto })
  @ApiNotFoundResponse({ description: 'No such complaint for this customer' })
  @ApiConflictResponse({
    description:
      'complaint-not-answered: the complaint has no answer yet (problem+json with its caseStatus); ' +
      'already-rated: the customer rated this complaint already (problem+json with `rated`: reference, score, ratedAt); nothing is published',
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used before with another request' })
  async rate(
    @Param('reference') reference: string,
    @Body() body: RateAppComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CustomerId() customerId: string,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppRatingAcceptedDto> {
    const key = requiredIdempotencyKey(idempotencyKey);
    const normalised = reference.toUpperCase();
    if (!REFERENCE_PATTERN.test(normalised))
      throw validationProblem([{ field: 'reference', message: 'reference must look like C20261129-M7K3Q9' }]);
    try {
      const result = await this.rateComplaint.execute({
        customerId,
        idempotencyKey: key,
        reference: normalised,
        rating: { score: body.score, ...(body.comment ? { comment: body.comment } : {}) },
        correlationId,
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      mobileMetrics.ratings.inc({ result: result.replayed ? 'replayed' : 'accepted' });
      return { reference: result.reference, score: result.score, status: 'RECORDED', receivedAt: result.receivedAt };
    } catch (error) {
      mobileMetrics.ratings.inc({ result: ratingFailure(error) });
      if (error instanceof ComplaintNotFoundError) throw new ProblemException(problem(404, 'not-found', error.message));
      if (error instanceof ComplaintNotRateableError)
        throw new ProblemException(problem(409, 'complaint-not-answered', error.message, { caseStatus: error.status }));
      if (error instanceof ComplaintAlreadyRatedError) {
        const { reference: rated, score, receivedAt } = error.earlier;
        throw new ProblemException(
          problem(409, 'already-rated', error.message, { rated: { reference: rated, score, ratedAt: receivedAt.toISOString() } }),
        );
      }
      if (error instanceof IdempotencyKeyReusedError) throw keyReusedProblem(error.message);
      throw appUnavailableOr(error);
    }
  }
}

function ratingFailure(error: unknown): string {
  if (error instanceof ComplaintNotFoundError) return 'not_found';
  if (error instanceof ComplaintNotRateableError) return 'not_answered';
  if (error instanceof ComplaintAlreadyRatedError) return 'already_rated';
  if (error instanceof IdempotencyKeyReusedError) return 'key_reused';
  return 'failed';
}
