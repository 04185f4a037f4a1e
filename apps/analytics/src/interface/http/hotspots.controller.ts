import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { ListHotspotsQuery } from '../../application/hotspots/list-hotspots.query';
import { ScopeForbiddenError, visibleDepartments } from '../../application/staff-scope';
import { forbidden } from './analytics-problems';
import { HotspotsQueryDto } from './hotspots.query.dto';
import { HotspotAlertDto, HotspotsResponseDto } from './hotspots.response.dto';

@ApiTags('hotspots')
@ApiBearerAuth()
@StaffRoles(...ACCESS.anyStaff)
@Controller('v1/hotspots')
export class HotspotsController {
  constructor(private readonly hotspots: ListHotspotsQuery) {}

  @Get()
  @ApiOperation({
    summary: 'Recent hot-spot alerts (spikes and emerging terms), newest first',
    description:
      'Consumer protection, auditors and admins see every alert. Agents and supervisors see the term alerts (a term is not ' +
      'tied to a department; its samples are references, which the cases API shows only to whoever may see the case) ' +
      'and the spike alerts of their own departments (dimension department).',
  })
  @ApiOkResponse({ type: HotspotsResponseDto })
  async list(@Staff() staff: StaffPrincipal, @Query() query: HotspotsQueryDto): Promise<HotspotsResponseDto> {
    try {
      const { alerts } = await this.hotspots.execute({
        kind: query.kind ?? null,
        since: query.since ? new Date(query.since) : null,
        departments: visibleDepartments(staff),
        limit: query.limit ?? 100,
      });
      return { alerts: alerts.map((a) => HotspotAlertDto.of(a)) };
    } catch (error) {
      if (error instanceof ScopeForbiddenError) throw forbidden(error);
      throw error;
    }
  }
}
