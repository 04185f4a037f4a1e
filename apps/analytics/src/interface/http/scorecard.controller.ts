import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '@complaints/http';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { ScorecardQuery, ScorecardResponse } from '../../application/scorecard/scorecard.query';
import { ScopeForbiddenError, visibleDepartments } from '../../application/staff-scope';
import { parseScorecardPeriod } from '../../domain/scorecard/scorecard-period';
import { forbidden } from './analytics-problems';
import { ScorecardQueryDto } from './scorecard.query.dto';
import { ScorecardResponseDto } from './scorecard.response.dto';

@ApiTags('scorecard')
@ApiBearerAuth()
@StaffRoles(...ACCESS.scorecardReaders)
@Controller('v1/scorecard')
export class ScorecardController {
  constructor(private readonly scorecards: ScorecardQuery) {}

  @Get()
  @ApiOperation({
    summary:
      "The supervision group's scorecard: each department's measures in a period, rated against targets, with the change from the period before",
    description:
      'Measures and targets: apps/analytics/KPIS.md (targets from ANALYTICS_SCORECARD_TARGETS). The previous period has as many days, just before. ' +
      'Consumer protection, auditors and admins see every department; supervisors the rows (and total) of their own departments; agents none.',
  })
  @ApiOkResponse({ type: ScorecardResponseDto })
  @ApiForbiddenResponse({ description: 'Agents (problem+json naming roles), a supervisor without departments (naming departments)' })
  async get(@Staff() staff: StaffPrincipal, @Query() query: ScorecardQueryDto): Promise<ScorecardResponse> {
    const period = parseScorecardPeriod(query.period);
    if (!period)
      throw validationProblem([
        {
          field: 'period',
          message: 'period must be a year from 2000 to 2100, as YYYY, YYYYQn, YYYY-MM or an ISO week YYYY-Www that exists',
        },
      ]);
    let departments: ReturnType<typeof visibleDepartments>;
    try {
      departments = visibleDepartments(staff);
    } catch (error) {
      if (error instanceof ScopeForbiddenError) throw forbidden(error);
      throw error;
    }
    return this.scorecards.execute(period, undefined, departments);
  }
}
