import { AttachmentEntity } from '@complaints/intake';
import { dataSourceOptions } from '@complaints/persistence';
import { CaseProgressEntity, CaseUpdateEntity } from './case-progress.entity';
import { CreateSubmissions1764400000000 } from './migrations/1764400000000-create-submissions';
import { CreateCaseProgress1764500000000 } from './migrations/1764500000000-create-case-progress';
import { CreateMergedComplaints1764700000000 } from './migrations/1764700000000-create-merged-complaints';
import { CreateAttachments1764800000000 } from './migrations/1764800000000-create-attachments';
import { GuardFollowUps1765610000000 } from './migrations/1765610000000-guard-follow-ups';
import { SubmissionEntity } from './submission.entity';

export const INTAKE_WEB_SCHEMA = 'intake_web';

/** The web intake's TypeORM options: used by the app and by the TypeORM CLI. */
export function intakeWebDataSourceOptions(url: string, poolSize?: number) {
  return {
    ...dataSourceOptions({
      url,
      schema: INTAKE_WEB_SCHEMA,
      entities: [SubmissionEntity, AttachmentEntity, CaseProgressEntity, CaseUpdateEntity],
      migrations: [
        CreateSubmissions1764400000000,
        CreateCaseProgress1764500000000,
        CreateMergedComplaints1764700000000,
        CreateAttachments1764800000000,
        GuardFollowUps1765610000000,
      ],
      poolSize,
      applicationName: 'intake-web',
    }),
    schema: INTAKE_WEB_SCHEMA,
  };
}
