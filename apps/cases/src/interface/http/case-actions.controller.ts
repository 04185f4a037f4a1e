import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { ActOnCaseUseCase } from '../../application/act-on-case/act-on-case.use-case';
import type { CaseCommand } from '../../application/act-on-case/case-command';
import { FindCasesQuery } from '../../application/find-cases/find-cases.query';
import {
  AssignCaseDto,
  CloseDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  FeedbackDto,
  MediationOutcomeDto,
  MediationReferralDto,
  NoteDto,
  ProposeResolutionDto,
  ReasonDto,
  ResolveDto,
  SatisfactionDto,
} from './case-action.dtos';
import { toCaseProblem } from './case-problems';
import { CaseDetailPresenter } from './case-detail.presenter';

/**
 * The lifecycle actions. Each answers 200 with the case after the action; 404 for a case the caller
 * may not see, 403 when their roles do not allow it, 409 when the case's state does not.
 */
@ApiTags('case actions')
@ApiBearerAuth()
@ApiOkResponse({ description: 'The case after the action (same shape as GET /v1/cases/{reference})' })
@ApiBadRequestResponse({ description: 'problem+json naming the invalid fields' })
@ApiUnauthorizedResponse({ description: 'No or invalid staff token' })
@ApiForbiddenResponse({ description: "The caller's roles do not allow the action (auditors never act)" })
@ApiNotFoundResponse({ description: 'No such case among those the caller may see' })
@ApiConflictResponse({ description: "The case's state does not allow the action (invalid transition, archived, nothing pending...)" })
@StaffRoles(...ACCESS.caseActors)
@Controller('v1/cases/:reference')
export class CaseActionsController {
  constructor(
    private readonly act: ActOnCaseUseCase,
    private readonly cases: FindCasesQuery,
    private readonly detail: CaseDetailPresenter,
  ) {}

  private async run(staff: StaffPrincipal, reference: string, command: CaseCommand) {
    try {
      await this.act.execute(staff, reference, command);
    } catch (error) {
      throw toCaseProblem(error);
    }
    const found = await this.cases.get(staff, reference);
    return found ? this.detail.present(staff, found) : null;
  }

  @Post('claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the case (assignee = caller)' })
  claim(@Staff() s: StaffPrincipal, @Param('reference') r: string) {
    return this.run(s, r, { action: 'claim' });
  }

  @Post('assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign the case to a handler (supervisor, consumer-protection, admin)' })
  assign(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: AssignCaseDto) {
    return this.run(s, r, { action: 'assign', assignee: b.assignee });
  }

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start working the case (IN_PROGRESS)' })
  start(@Staff() s: StaffPrincipal, @Param('reference') r: string) {
    return this.run(s, r, { action: 'start' });
  }

  @Post('feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send feedback to the customer (customer-visible; stops the 48 h clock)' })
  feedback(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: FeedbackDto) {
    return this.run(s, r, { action: 'send-feedback', message: b.message });
  }

  @Post('notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add an internal note' })
  note(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: NoteDto) {
    return this.run(s, r, { action: 'add-note', note: b.note });
  }

  @Post('resolution')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose a resolution to the customer (RESPONDED; stops the decision clock)' })
  propose(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ProposeResolutionDto) {
    return this.run(s, r, { action: 'propose-resolution', proposal: b.proposal });
  }

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the proposed resolution as accepted (RESOLVED)' })
  resolve(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ResolveDto) {
    return this.run(s, r, { action: 'resolve', summary: b.summary });
  }

  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a resolved case with its root cause and corrective action' })
  close(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: CloseDto) {
    return this.run(s, r, { action: 'close', rootCause: b.rootCause, correctiveAction: b.correctiveAction });
  }

  @Post('reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a responded, resolved or closed case' })
  reopen(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ReasonDto) {
    return this.run(s, r, { action: 'reopen', reason: b.reason });
  }

  @Post('escalate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Escalate to the supervision group (CONSUMER_PROTECTION) and the supervisor' })
  escalate(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ReasonDto) {
    return this.run(s, r, { action: 'escalate', reason: b.reason });
  }

  @Post('mediation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refer the case to a third-party mediator' })
  mediation(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: MediationReferralDto) {
    return this.run(s, r, { action: 'refer-to-mediation', organisation: b.organisation, mediator: b.mediator, reason: b.reason });
  }

  @Post('mediation/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the mediation's outcome" })
  mediationOutcome(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: MediationOutcomeDto) {
    return this.run(s, r, { action: 'record-mediation-outcome', outcome: b.outcome, summary: b.summary });
  }

  @Post('satisfaction')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the customer's satisfaction (1-5); 1-2 reopens and escalates the case" })
  satisfaction(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: SatisfactionDto) {
    return this.run(s, r, { action: 'record-satisfaction', score: b.score, comment: b.comment });
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer withdrew the complaint' })
  withdraw(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ReasonDto) {
    return this.run(s, r, { action: 'withdraw', reason: b.reason });
  }

  @Post('archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a closed or withdrawn case (immutable afterwards; supervisor, consumer-protection, admin)' })
  archive(@Staff() s: StaffPrincipal, @Param('reference') r: string) {
    return this.run(s, r, { action: 'archive' });
  }

  @Post('extension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Request a longer decision deadline (30 or 60 days) with a reason' })
  requestExtension(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ExtensionRequestDto) {
    return this.run(s, r, { action: 'request-extension', toDays: b.toDays, reason: b.reason });
  }

  @Post('extension/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or reject the pending extension (30: supervisor; 60: consumer-protection or admin)' })
  decideExtension(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ExtensionDecisionDto) {
    return this.run(s, r, { action: 'decide-extension', approve: b.approve, comment: b.comment });
  }

  @Post('clock/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause the decision clock (e.g. waiting for an external appraisal), with a reason' })
  pause(@Staff() s: StaffPrincipal, @Param('reference') r: string, @Body() b: ReasonDto) {
    return this.run(s, r, { action: 'pause-clock', reason: b.reason });
  }

  @Post('clock/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume the decision clock' })
  resume(@Staff() s: StaffPrincipal, @Param('reference') r: string) {
    return this.run(s, r, { action: 'resume-clock' });
  }
}
