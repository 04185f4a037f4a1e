import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ISO_WEEK_PATTERN } from '@complaints/contracts';
import { problem, ProblemException, validationProblem } from '@complaints/http';
import { ACCESS, StaffRoles } from '@complaints/security';
import { BulletinStore, StoredBulletin } from '../../application/bulletin/bulletin-store';

const SHAPE =
  '`{ id, composedAt, published, week, from, to, timeZone, scorecard: { previousFrom, previousTo, total, departments }, hotspots, ' +
  'hotspotsTotal, improvements: { closedCases, rootCauses, correctiveActions } }` (the event on analytics.bulletins.v1). ' +
  'Any member of staff: the bulletin is sent to all staff.';

function view(stored: StoredBulletin | null, missing: string) {
  if (!stored) throw new ProblemException(problem(404, 'no-bulletin', missing));
  return { id: stored.bulletinId, composedAt: stored.composedAt.toISOString(), published: stored.publishedAt !== null, ...stored.bulletin };
}

@ApiTags('bulletins')
@ApiBearerAuth()
@StaffRoles(...ACCESS.anyStaff)
@Controller('v1/bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinStore) {}

  @Get('latest')
  @ApiOperation({ summary: 'The latest weekly staff bulletin', description: SHAPE })
  @ApiNotFoundResponse({ description: 'No bulletin has been composed yet (problem+json)' })
  async latest() {
    return view(await this.bulletins.latest(), 'No weekly bulletin has been composed yet.');
  }

  @Get(':week')
  @ApiOperation({ summary: 'The staff bulletin of an ISO week', description: SHAPE })
  @ApiParam({ name: 'week', example: '2026-W48', description: 'YYYY-Www (Monday to Sunday, Asia/Shanghai)' })
  @ApiNotFoundResponse({ description: 'No bulletin of that week (problem+json)' })
  async ofWeek(@Param('week') week: string) {
    if (!ISO_WEEK_PATTERN.test(week))
      throw validationProblem([{ field: 'week', message: 'week must be an ISO week written YYYY-Www, e.g. 2026-W48' }]);
    return view(await this.bulletins.get(week), `No bulletin of ${week}.`);
  }
}
