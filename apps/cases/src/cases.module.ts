import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { StaffAuthModule } from '@complaints/security';
import { CaseRepository } from './application/case.repository';
import { FindCasesQuery } from './application/find-cases/find-cases.query';
import { OpenCaseUseCase } from './application/open-case/open-case.use-case';
import { CasesConfig } from './cases.config';
import { casesDataSourceOptions } from './infrastructure/persistence/cases.data-source';
import { TypeOrmCaseRepository } from './infrastructure/persistence/typeorm-case.repository';
import { ComplaintRoutedConsumer } from './interface/complaint-routed.consumer';
import { CasesController } from './interface/http/cases.controller';

export const CASES_SERVICE = 'cases';

/** The cases service: opens a case per routed complaint and serves the staff API. */
@Module({})
export class CasesModule {
  static register(config: CasesConfig = loadConfig(CasesConfig)): DynamicModule {
    return {
      module: CasesModule,
      imports: [
        ServiceConfigModule.forRoot(CasesConfig, config),
        ObservabilityModule.forRoot({ service: CASES_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: CASES_SERVICE }),
        PersistenceModule.forRoot((c) => casesDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        StaffAuthModule.forRoot({ secret: config.STAFF_JWT_SECRET }),
      ],
      controllers: [CasesController],
      providers: [
        { provide: CaseRepository, useClass: TypeOrmCaseRepository },
        { provide: OpenCaseUseCase, inject: [CaseRepository], useFactory: (cases: CaseRepository) => new OpenCaseUseCase(cases) },
        { provide: FindCasesQuery, inject: [CaseRepository], useFactory: (cases: CaseRepository) => new FindCasesQuery(cases) },
        ComplaintRoutedConsumer,
      ],
    };
  }
}
