import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException, problem, validationProblem } from '@complaints/http';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { ActiveRules } from '../../application/routing-rules/active-rules';
import { ReplaceRulesUseCase, UnknownRulesVersionError } from '../../application/routing-rules/replace-rules.use-case';
import { RuleSetRepository } from '../../application/routing-rules/rule-set.repository';
import { InvalidRuleListError, RulesVersionConflictError } from '../../domain/rule-set-errors';
import { ReplaceRulesDto, RestoreRulesDto } from './replace-rules.dto';
import { RuleSetVersionsView, RuleSetView } from './routing.views';

@ApiTags('routing rules')
@ApiBearerAuth()
@Controller('v1/routing/rules')
export class RoutingRulesController {
  constructor(
    private readonly repository: RuleSetRepository,
    private readonly activeRules: ActiveRules,
    private readonly replaceRules: ReplaceRulesUseCase,
  ) {}

  @Get()
  @StaffRoles(...ACCESS.routingReaders)
  @ApiOperation({ summary: 'The active rule set (admin, supervisor, auditor)' })
  @ApiOkResponse({ type: RuleSetView })
  async active(@Staff() _staff: StaffPrincipal): Promise<RuleSetView> {
    return this.repository.active();
  }

  @Get('versions')
  @StaffRoles(...ACCESS.routingReaders)
  @ApiOperation({ summary: 'Every rule-set version, newest first (admin, supervisor, auditor)' })
  @ApiOkResponse({ type: RuleSetVersionsView })
  async versions(@Staff() _staff: StaffPrincipal): Promise<RuleSetVersionsView> {
    return { items: await this.repository.versions() };
  }

  @Get('versions/:version')
  @StaffRoles(...ACCESS.routingReaders)
  @ApiOperation({ summary: 'One rule-set version with its rules (admin, supervisor, auditor)' })
  @ApiOkResponse({ type: RuleSetView })
  async version(@Staff() staff: StaffPrincipal, @Param('version') version: string): Promise<RuleSetView> {
    const found = await this.repository.version(versionNumber(version));
    if (!found) throw notFound(version);
    return found;
  }

  @Post('versions/:version/restore')
  @StaffRoles(...ACCESS.routingEditors)
  @HttpCode(200)
  @ApiOperation({ summary: "Roll back: an earlier version's rules become active again as a new, audited version (admin)" })
  @ApiOkResponse({ type: RuleSetView })
  @ApiConflictResponse({ description: 'expectedVersion is not the active version (problem+json)' })
  async restore(@Staff() staff: StaffPrincipal, @Param('version') version: string, @Body() body: RestoreRulesDto): Promise<RuleSetView> {
    const earlier = versionNumber(version);
    try {
      return await this.replaceRules.restore({
        expectedVersion: body.expectedVersion,
        version: earlier,
        actor: staff.id,
        comment: body.comment,
      });
    } catch (error) {
      if (error instanceof UnknownRulesVersionError) throw notFound(version);
      throw this.conflictOr(error);
    }
  }

  @Put()
  @StaffRoles(...ACCESS.routingEditors)
  @ApiOperation({ summary: 'Replace the whole ordered rule list: a new version, active at once, audited (admin)' })
  @ApiOkResponse({ type: RuleSetView })
  @ApiConflictResponse({ description: 'expectedVersion is not the active version (problem+json)' })
  async replace(@Staff() staff: StaffPrincipal, @Body() body: ReplaceRulesDto): Promise<RuleSetView> {
    try {
      return await this.replaceRules.execute({
        expectedVersion: body.expectedVersion,
        rules: body.rules,
        actor: staff.id,
        comment: body.comment,
      });
    } catch (error) {
      if (error instanceof InvalidRuleListError) throw validationProblem(error.errors, 'The rule list is not valid.');
      throw this.conflictOr(error);
    }
  }

  /** 409 problem+json for a stale expectedVersion; any other error as it is. */
  private conflictOr(error: unknown): unknown {
    if (!(error instanceof RulesVersionConflictError)) return error;
    // Whatever this process had cached is stale too.
    void this.activeRules.refresh().catch(() => undefined);
    return new ProblemException(
      problem(409, 'rules-version-conflict', error.message, {
        activeVersion: error.activeVersion,
        errors: [{ field: 'expectedVersion', message: `the active version is ${error.activeVersion}` }],
      }),
    );
  }
}

function versionNumber(version: string): number {
  if (!/^[1-9]\d{0,8}$/.test(version)) throw validationProblem([{ field: 'version', message: 'version must be a positive integer' }]);
  return Number(version);
}

function notFound(version: string): ProblemException {
  return new ProblemException(problem(404, 'not-found', `There is no rule-set version ${version}.`));
}
