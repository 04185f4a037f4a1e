import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { ProblemException, problem } from '@complaints/http';
import { EvidenceFiles } from './evidence-files';
import { EvidenceLinkSettings } from './evidence-link.settings';
import { verifyEvidenceLink } from './evidence-link';
import { evidenceFileName, evidenceMediaType } from './evidence-file-name';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Nothing in the file may run or be rendered by the browser as a page of this site. */
const DOWNLOAD_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
  'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * `GET /v1/evidence/{attachmentId}?complaint=&expires=&sig=`: a customer's evidence file, to whoever
 * holds a link the cases service signed for it (see evidence-link.ts). Public (the signature is the
 * authorisation), rate-limited per client address, always a download. Shared by the intakes that keep
 * evidence; each provides its own {@link EvidenceFiles} and {@link EvidenceLinkSettings}.
 */
@ApiTags('evidence')
@Controller('v1/evidence')
@UseGuards(ThrottlerGuard)
export class EvidenceDownloadController {
  constructor(
    private readonly files: EvidenceFiles,
    private readonly settings: EvidenceLinkSettings,
  ) {}

  @Get(':attachmentId')
  @ApiOperation({
    summary: 'Download an evidence file through a signed link',
    description:
      'For staff: the case page of the staff console links here with a link the cases service signed for this attachment and its ' +
      'complaint, valid for CASES_EVIDENCE_LINK_TTL_SEC. The stored bytes with their type, always as an attachment (never shown as a page). ' +
      '403 naming `sig` for a link that is not signed for exactly this attachment, complaint and expiry, or naming `expires` once it has expired; ' +
      '404 when the attachment is unknown or not of that complaint.',
  })
  @ApiParam({ name: 'attachmentId', description: 'The attachment id in the complaint event (content.attachments[].id).' })
  @ApiQuery({ name: 'complaint', description: 'The complaint id the link was signed for.' })
  @ApiQuery({ name: 'expires', description: 'Expiry of the link, unix seconds.' })
  @ApiQuery({ name: 'sig', description: '`<keyId>.<base64url HMAC-SHA256>` over the attachment id, complaint id and expiry.' })
  @ApiProduces('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf', 'application/problem+json')
  @ApiOkResponse({ description: 'The file, with Content-Disposition: attachment.', schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'Bad or expired link (problem+json naming `sig`, `expires` or `complaint`).' })
  @ApiNotFoundResponse({ description: 'Unknown attachment, or not of the signed complaint (problem+json).' })
  @ApiTooManyRequestsResponse({ description: 'Rate limit per client address.' })
  async download(
    @Param('attachmentId') attachmentId: string,
    @Query('complaint') complaint: unknown,
    @Query('expires') expires: unknown,
    @Query('sig') sig: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const check = verifyEvidenceLink(
      this.settings.keys,
      attachmentId,
      { complaint: text(complaint), expires: text(expires), sig: text(sig) },
      this.settings.now(),
    );
    if (!check.ok) {
      throw new ProblemException(
        problem(403, check.expired ? 'evidence-link-expired' : 'evidence-link-invalid', check.reason, {
          errors: [{ field: check.field, message: check.reason }],
        }),
      );
    }
    const file = UUID.test(attachmentId) ? await this.files.find(attachmentId) : null;
    if (!file || file.complaintId.toLowerCase() !== check.grant.complaintId.toLowerCase()) {
      throw new ProblemException(problem(404, 'evidence-not-found', 'No such evidence file of this complaint.'));
    }
    void reply
      .headers(DOWNLOAD_HEADERS)
      .header('content-type', evidenceMediaType(file.contentType))
      .header('content-disposition', contentDisposition(evidenceFileName(file, attachmentId)));
    return file.content;
  }
}

/** A query value as sent once (a repeated parameter is an array, which no link has). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
