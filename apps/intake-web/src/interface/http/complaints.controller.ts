import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { checkEvidence, WEB_COMPLAINT_LIMITS } from '@complaints/contracts';
import { CorrelationId } from '@complaints/http';
import {
  complaintAccepted,
  evidenceProblem,
  IdempotencyKeyReusedError,
  keyReusedProblem,
  optionalIdempotencyKey,
  unavailableOr,
} from '@complaints/intake';
import { SubmitComplaintUseCase } from '../../application/submit-complaint/submit-complaint.use-case';
import { ComplaintAcceptedDto, SubmitComplaintDto } from './submit-complaint.dto';

const UNAVAILABLE = 'The complaint could not be stored safely right now and was not accepted. Please retry shortly.';

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
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key and body get the same reference and one case.',
  })
  @ApiAcceptedResponse({ type: ComplaintAcceptedDto })
  async submit(
    @Body() body: SubmitComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<ComplaintAcceptedDto> {
    const key = optionalIdempotencyKey(idempotencyKey);
    const { attachments, ...submission } = body;
    const evidence = checkEvidence(attachments ?? [], {
      maxCount: WEB_COMPLAINT_LIMITS.maxAttachments,
      maxBytes: WEB_COMPLAINT_LIMITS.maxAttachmentBytes,
    });
    if (!evidence.ok) throw evidenceProblem(evidence);
    try {
      return complaintAccepted(
        await this.submitComplaint.execute({ submission, evidence: evidence.evidence, idempotencyKey: key, correlationId }),
      );
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw keyReusedProblem(error.message);
      throw unavailableOr(error, UNAVAILABLE);
    }
  }
}
