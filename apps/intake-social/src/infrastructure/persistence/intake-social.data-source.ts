import { dataSourceOptions } from '@complaints/persistence';
import { CreateConversations1764600000000 } from './migrations/1764600000000-create-conversations';
import { SurveyReplies1764700000000 } from './migrations/1764700000000-survey-replies';
import { SurveyExpiry1765100000000 } from './migrations/1765100000000-survey-expiry';
import { SurveyAnswersOutbox1766100000000 } from './migrations/1766100000000-survey-answers-outbox';
import { CallbackReplayGuard1766200000000 } from './migrations/1766200000000-callback-replay-guard';
import { RejectedConversations1767200000000 } from './migrations/1767200000000-rejected-conversations';

export const INTAKE_SOCIAL_SCHEMA = 'intake_social';

/** The social intake's TypeORM options (plain SQL, no entities): used by the app and by the TypeORM CLI. */
export function intakeSocialDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: INTAKE_SOCIAL_SCHEMA,
      entities: [],
      migrations: [
        CreateConversations1764600000000,
        SurveyReplies1764700000000,
        SurveyExpiry1765100000000,
        SurveyAnswersOutbox1766100000000,
        CallbackReplayGuard1766200000000,
        RejectedConversations1767200000000,
      ],
      poolSize,
      applicationName: 'intake-social',
    }),
    schema: INTAKE_SOCIAL_SCHEMA,
  };
}
