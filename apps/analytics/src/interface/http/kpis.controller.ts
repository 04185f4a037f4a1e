import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { QueryKpisQuery } from '../../application/query-kpis/query-kpis.query';
import { ScopeForbiddenError, visibleDepartments } from '../../application/staff-scope';
import { AnalyticsConfig } from '../../analytics.config';
import { forbidden } from './analytics-problems';
import { assertDayRange } from './day-range';
import { KpisQueryDto } from './kpis.query.dto';

@ApiTags('kpis')
@ApiBearerAuth()
@StaffRoles(...ACCESS.anyStaff)
@Controller('v1/kpis')
export class KpisController {
  constructor(
    private readonly kpis: QueryKpisQuery,
    @Inject(AnalyticsConfig) private readonly config: AnalyticsConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'KPIs of the complaints received from `from` to `to` (Asia/Shanghai days), overall and per group',
    description:
      'Definitions: apps/analytics/KPIS.md. Agents and supervisors see only their departments; consumer protection, auditors and admins see all.',
  })
  async get(@Staff() staff: StaffPrincipal, @Query() query: KpisQueryDto) {
    assertDayRange(query, this.config.ANALYTICS_MAX_RANGE_DAYS);
    try {
      return await this.kpis.execute({
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
