import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { checkEvidence, WEB_COMPLAINT_LIMITS } from '@complaints/contracts';
import { CorrelationId, ProblemException, problem, validationProblem } from '@complaints/http';
import { BrokerUnavailableError } from '@complaints/messaging';
import { IdempotencyKeyReusedError, SubmitComplaintUseCase } from '../../application/submit-complaint/submit-complaint.use-case';
import { StoreUnavailableError } from '../../application/submit-complaint/submission.store';
import { ComplaintAcceptedDto, SubmitComplaintDto } from './submit-complaint.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const RETRY_AFTER_SECONDS = '5';

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(private readonly submitComplaint: SubmitComplaintUseCase) {}

  @Post()
  @HttpCode(202)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'File a complaint',
    description:
      'Answers 202 once the complaint and its evidence are durable (stored, and Kafka acknowledged the complaint). ' +
      'Evidence travels base64-encoded in the JSON body; its type is decided by its content (413 attachment-too-large ' +
      'over the limits, 400 naming the attachment for a file that is not an accepted type).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key and body get the same reference and one case.' })
  @ApiAcceptedResponse({ type: ComplaintAcceptedDto })
  async submit(
    @Body() body: SubmitComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<ComplaintAcceptedDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationProblem([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
    }
    const { attachments, ...submission } = body;
    const evidence = checkEvidence(attachments ?? [], { maxCount: WEB_COMPLAINT_LIMITS.maxAttachments, maxBytes: WEB_COMPLAINT_LIMITS.maxAttachmentBytes });
    if (!evidence.ok) {
      if (evidence.tooLarge) throw new ProblemException(problem(413, 'attachment-too-large', 'An attachment limit was exceeded.', { errors: evidence.errors }));
      throw validationProblem(evidence.errors, 'An attachment was refused.');
    }
    try {
      const result = await this.submitComplaint.execute({ submission, evidence: evidence.evidence, idempotencyKey, correlationId });
      return {
        reference: result.reference,
        complaintId: result.complaintId,
        status: 'RECEIVED',
        receivedAt: result.receivedAt,
        attachments: result.attachments,
        promises: { feedbackWithinHours: 48, decisionWithinDays: 15 },
      };
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) {
        throw new ProblemException(problem(422, 'idempotency-key-reused', error.message, { errors: [{ field: 'Idempotency-Key', message: error.message }] }));
      }
      if (error instanceof BrokerUnavailableError || error instanceof StoreUnavailableError) {
        throw new ProblemException(
          problem(503, 'temporarily-unavailable', 'The complaint could not be stored safely right now and was not accepted. Please retry shortly.'),
          { 'retry-after': RETRY_AFTER_SECONDS },
        );
      }
      throw error;
    }
  }
}
