import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { problem, ProblemException } from '@complaints/http';
import { PublicRoute } from '@complaints/security';
import { PeriodNotClosedError, TransparencyReportQuery } from '../../application/transparency-report/transparency-report.query';
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
    summary: 'The public transparency report of an ended period (no sign-in)',
    description:
      'Counts by business category, cause and region (keyed by the GB/T 2260 code of the province-level division, e.g. `310000` for 上海市 / Shanghai, names in `libs/contracts/src/regions.ts`; `UNKNOWN` when the channel gave none), timeliness, satisfaction and improvements (root-cause and corrective-action categories). ' +
      'Only periods that have ended in Asia/Shanghai are published (a month, quarter or year still running, or in the future, is a 400 problem `period-not-closed` naming `period`). ' +
      "Withheld counts are `{ count: null, suppressed: true, reason }`. Month by month: any count under 5 (`fewer-than-5`), and more cells (`protects-another-cell`, smallest first) while a withheld one could be worked out from the month's total; a breakdown that no pattern protects is published without cells and named in `withheldBreakdowns`. " +
      "A quarter or year adds its months up: a cell, total or share is published only when every month publishes it (else `protects-another-cell`, of any size, or the one month's reason), so no period can be subtracted from another to recover a withheld count. The mean rating is published only with its whole distribution. Readable across origins from ANALYTICS_PUBLIC_CORS_ORIGINS (CORS, GET only).",
  })
  @ApiOkResponse({ description: 'The report of the period.' })
  @ApiBadRequestResponse({
    description:
      'problem+json naming `period`: not YYYY, YYYYQn or YYYY-MM, a year outside 2000-2100 (`validation`), or a period that has not ended (`period-not-closed`).',
  })
  async get(@Query() query: PeriodQueryDto) {
    try {
      return await this.report.execute(periodOf(query.period));
    } catch (error) {
      if (error instanceof PeriodNotClosedError) {
        throw new ProblemException(
          problem(400, 'period-not-closed', error.message, {
            errors: [{ field: error.field, message: error.message }],
            lastClosedMonth: error.lastClosedMonth,
          }),
        );
      }
      throw error;
    }
  }
}
