import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiProduces,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CorrelationId, ProblemException, problem } from '@complaints/http';
import {
  complaintAccepted,
  evidenceProblem,
  IdempotencyKeyReusedError,
  keyReusedProblem,
  requiredIdempotencyKey,
} from '@complaints/intake';
import { SubmitComplaintUseCase } from '../../application/submit-complaint/submit-complaint.use-case';
import { ComplaintDetail, ComplaintSummary } from '../../application/track-complaints/complaint-view.store';
import { ComplaintNotFoundError, ViewMyComplaintsUseCase } from '../../application/track-complaints/view-my-complaints.use-case';
import { mobileMetrics } from '../mobile.metrics';
import {
  AppComplaintAcceptedDto,
  AppComplaintDetailDto,
  AppComplaintListDto,
  AppComplaintSummaryDto,
  SubmitAppComplaintDto,
} from './app-complaint.dto';
import { appUnavailableOr } from './app-http.problems';
import { CustomerId, CustomerTokenGuard } from './customer-token.guard';
import { CustomerThrottlerGuard } from './customer-throttler.guard';
import { checkEvidence, EvidenceLimits, EVIDENCE_TYPES } from '@complaints/contracts';

export const EVIDENCE_LIMITS = Symbol('EVIDENCE_LIMITS');

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/heic': '.heic',
  'application/pdf': '.pdf',
};

@ApiTags('app complaints')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, forged, expired or not-yet-valid token (problem+json)' })
@ApiTooManyRequestsResponse({ description: 'More than MOBILE_RATE_LIMIT_PER_MIN requests a minute for this customer; see Retry-After' })
@Controller('v1/app/complaints')
@UseGuards(CustomerTokenGuard, CustomerThrottlerGuard)
export class AppComplaintsController {
  constructor(
    private readonly submitComplaint: SubmitComplaintUseCase,
    private readonly myComplaints: ViewMyComplaintsUseCase,
    @Inject(EVIDENCE_LIMITS) private readonly limits: EvidenceLimits,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'File a complaint from the app',
    description:
      'Answers 202 once the complaint and its evidence are durable. Evidence travels base64-encoded in the JSON body; ' +
      'its type is decided by its content. Retrying with the same Idempotency-Key and body answers the same reference ' +
      '(header Idempotent-Replayed: true) and never makes a second case.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A fresh random value per complaint (e.g. a UUID), reused on retries. Scoped to the customer.',
  })
  @ApiAcceptedResponse({ type: AppComplaintAcceptedDto })
  async submit(
    @Body() body: SubmitAppComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CustomerId() customerId: string,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppComplaintAcceptedDto> {
    const key = requiredIdempotencyKey(idempotencyKey);
    const { attachments, ...submission } = body;
    const evidence = checkEvidence(attachments ?? [], this.limits);
    if (!evidence.ok) {
      mobileMetrics.submissions.inc({ result: 'rejected_evidence' });
      throw evidenceProblem(evidence);
    }
    try {
      const result = await this.submitComplaint.execute({
        customerId,
        idempotencyKey: key,
        submission,
        evidence: evidence.evidence,
        correlationId,
      });
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      mobileMetrics.submissions.inc({ result: result.replayed ? 'replayed' : 'accepted' });
      return complaintAccepted(result);
    } catch (error) {
      mobileMetrics.submissions.inc({ result: error instanceof IdempotencyKeyReusedError ? 'key_reused' : 'failed' });
      if (error instanceof IdempotencyKeyReusedError) throw keyReusedProblem(error.message);
      throw appUnavailableOr(error);
    }
  }

  @Get()
  @ApiOperation({ summary: 'My complaints', description: "The signed-in customer's complaints, newest first, with their current status." })
  @ApiOkResponse({ type: AppComplaintListDto })
  async list(@CustomerId() customerId: string): Promise<AppComplaintListDto> {
    try {
      return { items: (await this.myComplaints.list(customerId)).map(summaryDto) };
    } catch (error) {
      throw appUnavailableOr(error);
    }
  }

  @Get(':reference')
  @ApiOperation({
    summary: 'One of my complaints',
    description: "Status and the customer-visible timeline. Another customer's reference answers 404.",
  })
  @ApiOkResponse({ type: AppComplaintDetailDto })
  @ApiNotFoundResponse({ description: 'No such complaint for this customer' })
  async get(@Param('reference') reference: string, @CustomerId() customerId: string): Promise<AppComplaintDetailDto> {
    try {
      return detailDto(await this.myComplaints.get(customerId, reference.toUpperCase()));
    } catch (error) {
      if (error instanceof ComplaintNotFoundError) throw new ProblemException(problem(404, 'not-found', error.message));
      throw appUnavailableOr(error);
    }
  }

  @Get(':reference/attachments/:attachmentId')
  @ApiOperation({
    summary: 'Download evidence of one of my complaints',
    description: 'The file as stored, with the type recognised at upload.',
  })
  @ApiProduces(...EVIDENCE_TYPES)
  @ApiOkResponse({ description: 'The file' })
  @ApiNotFoundResponse({ description: 'No such attachment of a complaint of this customer' })
  async attachment(
    @Param('reference') reference: string,
    @Param('attachmentId') attachmentId: string,
    @CustomerId() customerId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      const file = await this.myComplaints.attachment(customerId, reference.toUpperCase(), attachmentId.toLowerCase());
      await reply
        .status(200)
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.id}${EXTENSIONS[file.contentType] ?? ''}"`)
        .header('x-content-type-options', 'nosniff')
        .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
        .send(file.content);
    } catch (error) {
      if (error instanceof ComplaintNotFoundError) throw new ProblemException(problem(404, 'not-found', error.message));
      throw appUnavailableOr(error);
    }
  }
}

function summaryDto(c: ComplaintSummary): AppComplaintSummaryDto {
  return {
    reference: c.reference,
    complaintId: c.complaintId,
    status: c.status,
    product: c.product,
    receivedAt: c.receivedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function detailDto(c: ComplaintDetail): AppComplaintDetailDto {
  return {
    ...summaryDto(c),
    text: c.text,
    attachments: c.attachments,
    timeline: c.timeline.map((t) => ({ event: t.event, status: t.status, message: t.message, at: t.at.toISOString() })),
  };
}
