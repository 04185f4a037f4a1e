import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { REFERENCE_PATTERN, RULE_MESSAGES } from '@complaints/contracts';
import { BodyLimit, CorrelationId, ProblemException, SMALL_BODY_LIMIT_BYTES, problem, validationProblem } from '@complaints/http';
import { LookUpComplaintQuery } from '../../application/follow-complaint/look-up-complaint.query';
import { RateComplaintUseCase } from '../../application/rate-complaint/rate-complaint.use-case';
import { ComplaintStatusDto, LookUpComplaintDto, RateComplaintDto } from './follow-complaint.dto';

const NOT_FOUND = () =>
  new ProblemException(problem(404, 'complaint-not-found', 'No complaint matches this reference and these digits. Check both and try again.'));

/**
 * The customer's side after filing: how does my complaint stand, and how satisfied am I with the
 * answer. Both need the reference and the phone's last four digits, are rate-limited per client,
 * and answer 404 alike for an unknown reference and wrong digits.
 */
@ApiTags('complaints')
@Controller('v1/complaints')
@UseGuards(ThrottlerGuard)
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
      'Status and the updates sent to the customer. POST, so the digits stay out of URLs and logs. A complaint merged into an earlier ' +
      'case of the same customer (same matter) shows that case (mergedInto, its status and updates).',
  })
  @ApiOkResponse({ type: ComplaintStatusDto })
  async lookUpComplaint(@Body() body: LookUpComplaintDto): Promise<ComplaintStatusDto> {
    const found = await this.lookUp.execute(body.reference, body.phoneLast4);
    if (!found) throw NOT_FOUND();
    return { reference: found.reference, ...(found.mergedInto ? { mergedInto: found.mergedInto } : {}), status: found.status, receivedAt: found.receivedAt, updatedAt: found.updatedAt, updates: found.updates };
  }

  @Post(':reference/satisfaction')
  @BodyLimit(SMALL_BODY_LIMIT_BYTES)
  @ApiPayloadTooLargeResponse({ description: `A body over ${SMALL_BODY_LIMIT_BYTES} bytes (problem+json)` })
  @HttpCode(202)
  @ApiOperation({ summary: 'Rate the handling of a complaint (1-5)', description: 'Accepted once the case has an answer (responded, resolved or closed).' })
  @ApiAcceptedResponse({ description: 'Recorded; the case service files it against the case.' })
  async rateComplaint(@Param('reference') reference: string, @Body() body: RateComplaintDto, @CorrelationId() correlationId: string): Promise<{ status: 'RECORDED' }> {
    if (!REFERENCE_PATTERN.test(reference)) throw validationProblem([{ field: 'reference', message: RULE_MESSAGES.en.referenceInvalid }]);
    const outcome = await this.rate.execute({ reference, ...body, correlationId });
    if (outcome === 'not-found') throw NOT_FOUND();
    if (outcome === 'not-resolved') {
      throw new ProblemException(problem(409, 'complaint-not-resolved', 'This complaint has no answer yet; you can rate it once we have responded.'));
    }
    return { status: 'RECORDED' };
  }
}
