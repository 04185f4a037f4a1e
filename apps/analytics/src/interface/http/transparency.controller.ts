import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@complaints/security';
import { TransparencyReportQuery } from '../../application/transparency-report/transparency-report.query';
import { periodOf } from './analytics-problems';
import { PeriodQueryDto } from './period.query.dto';

/** The public path other sites' pages may read across origins (ANALYTICS_PUBLIC_CORS_ORIGINS). */
export const TRANSPARENCY_PATH = '/v1/transparency';

@ApiTags('transparency')
@PublicRoute()
@Controller('v1/transparency')
export class TransparencyController {
  constructor(private readonly report: TransparencyReportQuery) {}

  @Get()
  @ApiOperation({
    summary: 'The public transparency report of a period (no sign-in)',
    description:
      "Counts by business category, cause and region (keyed by the GB/T 2260 code of the province-level division, e.g. `310000` for 上海市 / Shanghai, names in `libs/contracts/src/regions.ts`; `UNKNOWN` when the channel gave none), timeliness, satisfaction and improvements (root-cause and corrective-action categories). Any count under 5 is withheld: `{ count: null, suppressed: true, reason: 'fewer-than-5' }`; when exactly one cell of a breakdown is withheld, the next smallest is withheld too (`reason: 'protects-another-cell'`). Readable across origins from ANALYTICS_PUBLIC_CORS_ORIGINS (CORS, GET only).",
  })
  get(@Query() query: PeriodQueryDto) {
    return this.report.execute(periodOf(query.period));
  }
}
