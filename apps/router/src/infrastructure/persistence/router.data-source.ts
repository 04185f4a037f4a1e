import { dataSourceOptions } from '@complaints/persistence';
import { CreateRoutingDecisions1764400000000 } from './migrations/1764400000000-create-routing-decisions';
import { CreateRoutingRules1764500000000 } from './migrations/1764500000000-create-routing-rules';
import { CreateRepeatMatters1764500001000 } from './migrations/1764500001000-create-repeat-matters';
import { CreateHandlers1764500002000 } from './migrations/1764500002000-create-handlers';
import { CreateOutbox1765100000000 } from './migrations/1765100000000-create-outbox';
import { VerifiedMatterIdentities1765610000000 } from './migrations/1765610000000-verified-matter-identities';
import { RoutingDecisionEntity } from './routing-decision.entity';

export const ROUTER_SCHEMA = 'routing';

/** The router's TypeORM options: used by the app and by the TypeORM CLI (default export below). */
export function routerDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: ROUTER_SCHEMA,
      entities: [RoutingDecisionEntity],
      migrations: [
        CreateRoutingDecisions1764400000000,
        CreateRoutingRules1764500000000,
        CreateRepeatMatters1764500001000,
        CreateHandlers1764500002000,
        CreateOutbox1765100000000,
        VerifiedMatterIdentities1765610000000,
      ],
      poolSize,
      applicationName: 'router',
    }),
    schema: ROUTER_SCHEMA,
  };
}
