import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { QueryKpiSeriesQuery } from '../../application/query-kpis/query-kpi-series.query';
import { ScopeForbiddenError, visibleDepartments } from '../../application/staff-scope';
import { forbidden } from './analytics-problems';
import { assertDayRange } from './day-range';
import { KpiSeriesResponseDto } from './kpi-series.response.dto';
import { KpisQueryDto } from './kpis.query.dto';

/** A daily series covers at most a year (366 points per group). */
export const MAX_SERIES_DAYS = 366;

@ApiTags('kpis')
@ApiBearerAuth()
@StaffRoles(...ACCESS.anyStaff)
@Controller('v1/kpis/series')
export class KpiSeriesController {
  constructor(private readonly series: QueryKpiSeriesQuery) {}

  @Get()
  @ApiOperation({
    summary: 'Day-by-day volume, timeliness and SLA breaches of the complaints received from `from` to `to`, per group',
    description:
      `From the rollups' day rows, by Asia/Shanghai day of receipt; at most ${MAX_SERIES_DAYS} days. Each group has a point for every day ` +
      '(zeros included). Agents and supervisors see only their departments; consumer protection, auditors and admins see all.',
  })
  @ApiOkResponse({ type: KpiSeriesResponseDto })
  async get(@Staff() staff: StaffPrincipal, @Query() query: KpisQueryDto): Promise<KpiSeriesResponseDto> {
    assertDayRange(query, MAX_SERIES_DAYS);
    try {
      return await this.series.execute({
        fromDay: query.from,
        toDay: query.to,
        groupBy: query.groupBy ?? null,
        departments: visibleDepartments(staff),
      });
    } catch (error) {
      if (error instanceof ScopeForbiddenError) throw forbidden(error);
      throw error;
    }
  }
}
