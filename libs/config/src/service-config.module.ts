import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClassConstructor } from 'class-transformer';
import { loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

/**
 * Validates the service's configuration at boot and provides it, typed, under its own class (and
 * under ServiceConfig for shared modules). Pass `config` to run with an explicit configuration (tests).
 */
@Module({})
export class ServiceConfigModule {
  static forRoot<T extends ServiceConfig>(cls: ClassConstructor<T>, config: T = loadConfig(cls)): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ ...config })] })],
      providers: [
        { provide: cls, useValue: config },
        { provide: ServiceConfig, useValue: config },
      ],
      exports: [cls, ServiceConfig],
    };
  }
}
