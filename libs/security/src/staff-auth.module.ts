import { DynamicModule, Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { STAFF_JWT, StaffAuthGuard } from './staff-auth.guard';

/** Staff JWT verification. `secret` is the service's STAFF_JWT_SECRET. */
@Module({})
export class StaffAuthModule {
  static forRoot(options: { secret: string }): DynamicModule {
    return {
      module: StaffAuthModule,
      providers: [
        { provide: STAFF_JWT, useValue: new JwtService({ secret: options.secret, verifyOptions: { algorithms: ['HS256'] } }) },
        StaffAuthGuard,
      ],
      exports: [STAFF_JWT, StaffAuthGuard],
    };
  }
}
