import { dataSourceOptions } from '@complaints/persistence';
import { CaseEntity } from './case.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CreateCases1764400000000 } from './migrations/1764400000000-create-cases';
import { CaseLifecycle1764500000000 } from './migrations/1764500000000-case-lifecycle';
import { CustomerAnswers1767000016200 } from './migrations/1767000016200-customer-answers';
import { OutboxMessageEntity } from './outbox-message.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

export const CASES_SCHEMA = 'cases';

/** The cases service's TypeORM options: used by the app and by the TypeORM CLI. */
export function casesDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: CASES_SCHEMA,
      entities: [CaseEntity, TimelineEntryEntity, AuditEntryEntity, OutboxMessageEntity],
      migrations: [CreateCases1764400000000, CaseLifecycle1764500000000, CustomerAnswers1767000016200],
      poolSize,
      applicationName: 'cases',
    }),
    schema: CASES_SCHEMA,
  };
}
