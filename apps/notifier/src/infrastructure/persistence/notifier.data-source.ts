import { dataSourceOptions } from '@complaints/persistence';
import { CreateDeliveries1764500000000 } from './migrations/1764500000000-create-deliveries';
import { SmsSurveys1765100000000 } from './migrations/1765100000000-sms-surveys';
import { SmsRepliesRetention1766000000000 } from './migrations/1766000000000-sms-replies-retention';

export const NOTIFIER_SCHEMA = 'notifier';

/** The notifier's TypeORM options: used by the app and by the TypeORM CLI. */
export function notifierDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: NOTIFIER_SCHEMA,
      entities: [],
      migrations: [CreateDeliveries1764500000000, SmsSurveys1765100000000, SmsRepliesRetention1766000000000],
      poolSize,
      applicationName: 'notifier',
    }),
    schema: NOTIFIER_SCHEMA,
  };
}
