import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ServiceConfig } from '@complaints/config';
import { MetricsController } from './metrics.controller';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const controller = (settings: Partial<ServiceConfig>) => new MetricsController(Object.assign(new ServiceConfig(), settings));

describe('MetricsController', () => {
  it('serves the bearer of METRICS_TOKEN, in production too', async () => {
    await expect(controller({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN }).metrics(`Bearer ${TOKEN}`)).resolves.toEqual(
      expect.any(String),
    );
  });

  it('refuses a missing, wrong or differently written token with 401', async () => {
    for (const header of [undefined, `Bearer ${TOKEN}x`, TOKEN, `bearer  ${TOKEN}`, `Basic ${TOKEN}`]) {
      await expect(controller({ NODE_ENV: 'development', METRICS_TOKEN: TOKEN }).metrics(header)).rejects.toBeInstanceOf(
        UnauthorizedException,
      );
    }
  });

  it('without a token: served outside production, absent (404) in production', async () => {
    await expect(controller({ NODE_ENV: 'development' }).metrics(undefined)).resolves.toEqual(expect.any(String));
    await expect(controller({ NODE_ENV: 'test' }).metrics(undefined)).resolves.toEqual(expect.any(String));
    await expect(controller({ NODE_ENV: 'production' }).metrics(`Bearer ${TOKEN}`)).rejects.toBeInstanceOf(NotFoundException);
  });
});
