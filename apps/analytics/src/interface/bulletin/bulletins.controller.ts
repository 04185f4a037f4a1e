import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { problem, ProblemException } from '@complaints/http';
import { StaffAuthGuard } from '@complaints/security';
import { BulletinStore } from '../../application/bulletin/bulletin-store';

@ApiTags('bulletins')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('v1/bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinStore) {}

  @Get('latest')
  @ApiOperation({
    summary: 'The latest weekly staff bulletin, as published on analytics.bulletins.v1',
    description:
      '`{ id, composedAt, published, week, from, to, timeZone, scorecard: { previousFrom, previousTo, total, departments }, hotspots, ' +
      'hotspotsTotal, improvements: { closedCases, rootCauses, correctiveActions } }`. Any member of staff: the bulletin is sent to all staff.',
  })
  @ApiNotFoundResponse({ description: 'No bulletin has been composed yet (problem+json)' })
  async latest() {
    const stored = await this.bulletins.latest();
    if (!stored) throw new ProblemException(problem(404, 'no-bulletin', 'No weekly bulletin has been composed yet.'));
    return { id: stored.bulletinId, composedAt: stored.composedAt.toISOString(), published: stored.publishedAt !== null, ...stored.bulletin };
  }
}
