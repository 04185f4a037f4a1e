import { dataSourceOptions } from '@complaints/persistence';
import { CreateAnalytics1764900000000 } from './migrations/1764900000000-create-analytics';
import { Hotspots1765000000000 } from './migrations/1765000000000-hotspots';
import { StaffBulletins1765200000000 } from './migrations/1765200000000-staff-bulletins';
import { HotSubjects1765250000000 } from './migrations/1765250000000-hot-subjects';
import { KpiRollup1765300000000 } from './migrations/1765300000000-kpi-rollup';
import { Jrt0169Rollup1765400000000 } from './migrations/1765400000000-jrt0169-rollup';

export const ANALYTICS_SCHEMA = 'analytics';

/** The analytics service's TypeORM options: used by the app, the rebuild and the TypeORM CLI. */
export function analyticsDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: ANALYTICS_SCHEMA,
      entities: [],
      migrations: [
        CreateAnalytics1764900000000,
        Hotspots1765000000000,
        StaffBulletins1765200000000,
        HotSubjects1765250000000,
        KpiRollup1765300000000,
        Jrt0169Rollup1765400000000,
      ],
      poolSize,
      applicationName: 'analytics',
    }),
    schema: ANALYTICS_SCHEMA,
  };
}
