import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '@complaints/http';
import { Staff, StaffAuthGuard, StaffPrincipal } from '@complaints/security';
import { QueryKpisQuery } from '../../application/query-kpis/query-kpis.query';
import { ScopeForbiddenError, visibleDepartments } from '../../application/staff-scope';
import { isCalendarDay } from '../../domain/report-period';
import { AnalyticsConfig } from '../../analytics.config';
import { forbidden } from './analytics-problems';
import { KpisQueryDto } from './kpis.query.dto';

const DAY_MS = 86_400_000;

@ApiTags('kpis')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('v1/kpis')
export class KpisController {
  constructor(
    private readonly kpis: QueryKpisQuery,
    @Inject(AnalyticsConfig) private readonly config: AnalyticsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'KPIs of the complaints received from `from` to `to` (Asia/Shanghai days), overall and per group',
    description: 'Definitions: apps/analytics/KPIS.md. Agents see only their departments; supervisors, consumer protection, auditors and admins see all.',
  })
  async get(@Staff() staff: StaffPrincipal, @Query() query: KpisQueryDto) {
    const errors = [
      ...(isCalendarDay(query.from) ? [] : [{ field: 'from', message: 'from is not a calendar day' }]),
      ...(isCalendarDay(query.to) ? [] : [{ field: 'to', message: 'to is not a calendar day' }]),
    ];
    if (errors.length) throw validationProblem(errors);
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
    if (days < 1) throw validationProblem([{ field: 'to', message: 'to must not be before from' }]);
    if (days > this.config.ANALYTICS_MAX_RANGE_DAYS) throw validationProblem([{ field: 'to', message: `the period may cover at most ${this.config.ANALYTICS_MAX_RANGE_DAYS} days` }]);
    try {
      return await this.kpis.execute({ fromDay: query.from, toDay: query.to, groupBy: query.groupBy ?? null, departments: visibleDepartments(staff) });
    } catch (error) {
      if (error instanceof ScopeForbiddenError) throw forbidden(error);
      throw error;
    }
  }
}
