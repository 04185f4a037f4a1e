import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFERENCE_PATTERN } from '@complaints/contracts';
import { ProblemException, problem } from '@complaints/http';
import { Staff, StaffAuthGuard, StaffPrincipal } from '@complaints/security';
import { DepartmentForbiddenError, FindCasesQuery } from '../../application/find-cases/find-cases.query';
import { caseDetailView, caseSummaryView } from './case.view';
import { ListCasesQueryDto } from './list-cases.query.dto';

@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(StaffAuthGuard)
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: FindCasesQuery) {}

  @Get()
  @ApiOperation({ summary: "The caller's departments' cases, most urgent decision first" })
  async list(@Staff() staff: StaffPrincipal, @Query() query: ListCasesQueryDto) {
    try {
      const { items, total } = await this.cases.list(staff, query);
      return { items: items.map(caseSummaryView), total, limit: query.limit, offset: query.offset };
    } catch (error) {
      if (error instanceof DepartmentForbiddenError) {
        throw new ProblemException(problem(403, 'forbidden', error.message, { errors: [{ field: 'department', message: error.message }] }));
      }
      throw error;
    }
  }

  @Get(':reference')
  @ApiOperation({ summary: 'One case with its timeline' })
  async get(@Staff() staff: StaffPrincipal, @Param('reference') reference: string) {
    const notFound = new ProblemException(problem(404, 'not-found', `No case ${reference} among the cases you may see.`));
    if (!REFERENCE_PATTERN.test(reference)) throw notFound;
    const found = await this.cases.get(staff, reference);
    if (!found) throw notFound;
    return caseDetailView(found.case, found.timeline);
  }
}
