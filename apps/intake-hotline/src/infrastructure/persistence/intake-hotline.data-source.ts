import { dataSourceOptions } from '@complaints/persistence';
import { CallEntity } from './call.entity';
import { CreateCallsAndCallbacks1764500000000 } from './migrations/1764500000000-create-calls-and-callbacks';

export const INTAKE_HOTLINE_SCHEMA = 'intake_hotline';

/** The hotline intake's TypeORM options: used by the app and by the TypeORM CLI. */
export function intakeHotlineDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: INTAKE_HOTLINE_SCHEMA,
      entities: [CallEntity],
      migrations: [CreateCallsAndCallbacks1764500000000],
      poolSize,
      applicationName: 'intake-hotline',
    }),
    schema: INTAKE_HOTLINE_SCHEMA,
  };
}
