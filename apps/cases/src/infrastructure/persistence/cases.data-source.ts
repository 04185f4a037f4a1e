import { dataSourceOptions } from '@complaints/persistence';
import { CaseEntity } from './case.entity';
import { CreateCases1764400000000 } from './migrations/1764400000000-create-cases';
import { TimelineEntryEntity } from './timeline-entry.entity';

export const CASES_SCHEMA = 'cases';

/** The cases service's TypeORM options: used by the app and by the TypeORM CLI. */
export function casesDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: CASES_SCHEMA,
      entities: [CaseEntity, TimelineEntryEntity],
      migrations: [CreateCases1764400000000],
      poolSize,
      applicationName: 'cases',
    }),
    schema: CASES_SCHEMA,
  };
}
