import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '@complaints/http';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { DryRunRoutingQuery } from '../../application/routing-rules/dry-run-routing.query';
import { InvalidRuleListError } from '../../domain/rule-set-errors';
import { DryRunDto } from './dry-run.dto';
import { DryRunView } from './routing.views';

@ApiTags('routing rules')
@ApiBearerAuth()
@Controller('v1/routing/dry-run')
export class RoutingDryRunController {
  constructor(private readonly dryRun: DryRunRoutingQuery) {}

  @Post()
  @StaffRoles(...ACCESS.routingReaders)
  @HttpCode(200)
  @ApiOperation({ summary: 'Where a complaint would go and why, by the active rules or a candidate list (admin, supervisor, auditor)' })
  @ApiOkResponse({ type: DryRunView })
  async run(@Staff() staff: StaffPrincipal, @Body() body: DryRunDto): Promise<DryRunView> {
    try {
      const result = await this.dryRun.execute(body);
      return { ...(body.channel ? { channel: body.channel } : {}), ...result };
    } catch (error) {
      if (error instanceof InvalidRuleListError) throw validationProblem(error.errors, 'The candidate rule list is not valid.');
      throw error;
    }
  }
}
