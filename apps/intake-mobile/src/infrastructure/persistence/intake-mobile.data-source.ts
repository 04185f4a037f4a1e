import { AttachmentEntity } from '@complaints/intake';
import { dataSourceOptions } from '@complaints/persistence';
import { CaseUpdateEntity } from './case-update.entity';
import { CreateMobileIntake1764600000000 } from './migrations/1764600000000-create-mobile-intake';
import { CreateRatings1764700000000 } from './migrations/1764700000000-create-ratings';
import { OneRatingPerComplaint1767000016200 } from './migrations/1767000016200-one-rating-per-complaint';
import { RatingEntity } from './rating.entity';
import { SubmissionEntity } from './submission.entity';

export const INTAKE_MOBILE_SCHEMA = 'intake_mobile';

/** The mobile intake's TypeORM options: used by the app and by the TypeORM CLI. */
export function intakeMobileDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: INTAKE_MOBILE_SCHEMA,
      entities: [SubmissionEntity, AttachmentEntity, CaseUpdateEntity, RatingEntity],
      migrations: [CreateMobileIntake1764600000000, CreateRatings1764700000000, OneRatingPerComplaint1767000016200],
      poolSize,
      applicationName: 'intake-mobile',
    }),
    schema: INTAKE_MOBILE_SCHEMA,
  };
}
