import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ACCESS, StaffRoles } from '@complaints/security';
import { Jrt0169ReportQuery } from '../../application/jrt0169-report/jrt0169-report.query';
import { jrt0169Csv, jrt0169Xlsx } from '../../infrastructure/reports/jrt0169-workbook';
import { periodOf } from './analytics-problems';
import { ReportQueryDto } from './period.query.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@StaffRoles(...ACCESS.institutionWide)
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly jrt0169: Jrt0169ReportQuery) {}

  @Get('jrt0169')
  @ApiProduces('text/csv', XLSX)
  @ApiOperation({
    summary: 'The PBoC JR/T 0169 statistics table of a period: complaints by channel x business category x cause',
    description: 'The institution-wide return: consumer protection, auditors and admins only (roles that see every department).',
  })
  async get(@Query() query: ReportQueryDto, @Res() reply: FastifyReply) {
    const period = periodOf(query.period);
    const rows = await this.jrt0169.execute(period);
    const file = `jrt0169-${period.label}.${query.format}`;
    const body = query.format === 'xlsx' ? await jrt0169Xlsx(period.label, rows) : await jrt0169Csv(period.label, rows);
    await reply
      .header('content-type', query.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}"`)
      .send(body);
  }
}
