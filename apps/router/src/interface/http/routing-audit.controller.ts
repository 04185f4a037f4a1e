import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESS, Staff, StaffPrincipal, StaffRoles } from '@complaints/security';
import { RuleSetRepository } from '../../application/routing-rules/rule-set.repository';
import { AuditQueryDto } from './audit-query.dto';
import { RuleAuditPageView } from './routing.views';

@ApiTags('routing rules')
@ApiBearerAuth()
@Controller('v1/routing/audit')
export class RoutingAuditController {
  constructor(private readonly repository: RuleSetRepository) {}

  @Get()
  @StaffRoles(...ACCESS.routingReaders)
  @ApiOperation({
    summary: 'The append-only trail of rule changes, newest first: who, when, before, after, why (admin, supervisor, auditor)',
  })
  @ApiOkResponse({ type: RuleAuditPageView })
  async list(@Staff() staff: StaffPrincipal, @Query() query: AuditQueryDto): Promise<RuleAuditPageView> {
    const { items, total } = await this.repository.audit(query.limit, query.offset);
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
