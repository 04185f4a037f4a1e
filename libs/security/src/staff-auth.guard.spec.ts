import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadConfig, StaffApiServiceConfig } from '@complaints/config';
import { ProblemDetailsFilter } from '@complaints/http';
import { PublicRoute } from '@complaints/observability';
import { DEV_DEFAULTS } from '@complaints/config';
import { signStaffToken, staffTokenSigningKey } from './sign-staff-token';
import { StaffRoles } from './staff-access';
import { StaffAuthModule } from './staff-auth.module';

@Controller('probe')
class ProbeController {
  @Get('forgotten') forgotten() {
    return { ok: true };
  }

  @Get('open') @PublicRoute() open() {
    return { ok: true };
  }

  @Get('admins') @StaffRoles('admin') admins() {
    return { ok: true };
  }
}

describe('StaffAuthGuard (deny by default)', () => {
  const config = loadConfig(StaffApiServiceConfig, { NODE_ENV: 'test' });
  const key = staffTokenSigningKey(DEV_DEFAULTS.STAFF_TOKEN_SIGNING_KEY, config.STAFF_TOKEN_ISSUER, config.STAFF_TOKEN_AUDIENCE);
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [StaffAuthModule.forRoot(config)],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses a route that declares no roles, even to an admin', async () => {
    const res = await get('/probe/forgotten', signStaffToken({ sub: 'root', roles: ['admin'], departments: [] }, key, 600));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, detail: expect.stringContaining('declares no staff roles') });
  });

  it('lets anyone call a public route', async () => {
    expect((await get('/probe/open')).statusCode).toBe(200);
  });

  it('needs a token (401) and a declared role (403) elsewhere', async () => {
    expect((await get('/probe/admins')).statusCode).toBe(401);
    expect((await get('/probe/admins', signStaffToken({ sub: 'a', roles: ['auditor'], departments: [] }, key, 600))).json()).toMatchObject({
      status: 403,
      errors: [{ field: 'roles' }],
    });
    expect((await get('/probe/admins', signStaffToken({ sub: 'b', roles: ['admin'], departments: [] }, key, 600))).statusCode).toBe(200);
  });
});
