import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Staff, StaffAuthGuard, StaffPrincipal } from '@complaints/security';
import { RuleSetRepository } from '../../application/routing-rules/rule-set.repository';
import { AuditQueryDto } from './audit-query.dto';
import { RuleAuditPageView } from './routing.views';
import { requireRole, RULE_READERS } from './staff-roles';

@ApiTags('routing rules')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('v1/routing/audit')
export class RoutingAuditController {
  constructor(private readonly repository: RuleSetRepository) {}

  @Get()
  @ApiOperation({ summary: 'The append-only trail of rule changes, newest first: who, when, before, after, why (admin, supervisor, auditor)' })
  @ApiOkResponse({ type: RuleAuditPageView })
  async list(@Staff() staff: StaffPrincipal, @Query() query: AuditQueryDto): Promise<RuleAuditPageView> {
    requireRole(staff, RULE_READERS);
    const { items, total } = await this.repository.audit(query.limit, query.offset);
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
