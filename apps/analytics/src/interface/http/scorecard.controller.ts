import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '@complaints/http';
import { Staff, StaffAuthGuard, StaffPrincipal } from '@complaints/security';
import { ScorecardQuery, ScorecardResponse } from '../../application/scorecard/scorecard.query';
import { ScopeForbiddenError, SEES_ALL_ROLES } from '../../application/staff-scope';
import { parseScorecardPeriod } from '../../domain/scorecard/scorecard-period';
import { forbidden } from './analytics-problems';
import { ScorecardQueryDto } from './scorecard.query.dto';
import { ScorecardResponseDto } from './scorecard.response.dto';

@ApiTags('scorecard')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('v1/scorecard')
export class ScorecardController {
  constructor(private readonly scorecards: ScorecardQuery) {}

  @Get()
  @ApiOperation({
    summary: 'The supervision group\'s scorecard: each department\'s measures in a period, rated against targets, with the change from the period before',
    description:
      'Measures and targets: apps/analytics/KPIS.md (targets from ANALYTICS_SCORECARD_TARGETS). The previous period has as many days, just before. ' +
      'Supervisors, consumer protection, auditors and admins only.',
  })
  @ApiOkResponse({ type: ScorecardResponseDto })
  @ApiForbiddenResponse({ description: 'Agents (problem+json naming roles)' })
  async get(@Staff() staff: StaffPrincipal, @Query() query: ScorecardQueryDto): Promise<ScorecardResponse> {
    if (!staff.hasRole(...SEES_ALL_ROLES)) {
      throw forbidden(new ScopeForbiddenError(`The scorecard is for the roles ${SEES_ALL_ROLES.join(', ')}.`, 'roles'));
    }
    const period = parseScorecardPeriod(query.period);
    if (!period) throw validationProblem([{ field: 'period', message: 'period must be a year from 2000 to 2100, as YYYY, YYYYQn, YYYY-MM or an ISO week YYYY-Www that exists' }]);
    return this.scorecards.execute(period);
  }
}
