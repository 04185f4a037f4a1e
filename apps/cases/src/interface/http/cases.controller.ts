import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFERENCE_PATTERN } from '@complaints/contracts';
import { ProblemException, problem } from '@complaints/http';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { Clock } from '../../application/clock';
import { DepartmentForbiddenError, FindCasesQuery } from '../../application/find-cases/find-cases.query';
import { CaseDetailPresenter } from './case-detail.presenter';
import { auditView, caseSummaryView } from './case.view';
import { ListCasesQueryDto } from './list-cases.query.dto';

@ApiTags('cases')
@ApiBearerAuth()
@StaffRoles(...ACCESS.anyStaff)
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly cases: FindCasesQuery,
    private readonly clock: Clock,
    private readonly detail: CaseDetailPresenter,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's departments' queue, most urgent decision first, with filters" })
  async list(@Staff() staff: StaffPrincipal, @Query() query: ListCasesQueryDto) {
    try {
      const { items, total } = await this.cases.list(staff, query);
      const now = this.clock.now();
      return { items: items.map((c) => caseSummaryView(c, now)), total, limit: query.limit, offset: query.offset };
    } catch (error) {
      if (error instanceof DepartmentForbiddenError) {
        throw new ProblemException(problem(403, 'forbidden', error.message, { errors: [{ field: 'department', message: error.message }] }));
      }
      throw error;
    }
  }

  @Get(':reference')
  @ApiOperation({
    summary: 'One case with its clocks, lifecycle and timeline',
    description:
      'Each evidence attachment (content.attachments) of a channel whose intake keeps evidence (CASES_EVIDENCE_BASE_URLS) has a downloadUrl: ' +
      "a link to that intake's GET /v1/evidence/{attachmentId}, signed for CASES_EVIDENCE_LINK_TTL_SEC. Who was given links is logged. " +
      "Each timeline entry names the event that wrote it (eventId), which the audit trail's entries list in eventIds.",
  })
  async get(@Staff() staff: StaffPrincipal, @Param('reference') reference: string) {
    const notFound = new ProblemException(problem(404, 'not-found', `No case ${reference} among the cases you may see.`));
    if (!REFERENCE_PATTERN.test(reference)) throw notFound;
    const found = await this.cases.get(staff, reference);
    if (!found) throw notFound;
    return this.detail.present(staff, found);
  }

  @Get(':reference/audit')
  @StaffRoles(...ACCESS.caseAuditors)
  @ApiForbiddenResponse({ description: 'Agents (problem+json naming roles)' })
  @ApiOperation({ summary: 'The append-only audit trail of a case (auditor, supervisor, consumer-protection, admin)' })
  async audit(@Staff() staff: StaffPrincipal, @Param('reference') reference: string) {
    const entries = REFERENCE_PATTERN.test(reference) ? await this.cases.audit(staff, reference) : null;
    if (!entries) throw new ProblemException(problem(404, 'not-found', `No audit trail of ${reference} among the cases you may audit.`));
    return auditView(entries);
  }
}
