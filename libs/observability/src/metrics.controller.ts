import { Controller, Get, Header, Headers, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { PublicRoute } from './public-route';
import { register } from 'prom-client';
import { ServiceConfig } from '@complaints/config';

/**
 * Prometheus text exposition of the default registry, which tells a stranger a lot about the service
 * (routes, traffic, consumers, versions): with `METRICS_TOKEN` set, only to `Authorization: Bearer <token>`
 * (else 401); without it, only outside production (in production the path answers 404).
 */
@ApiExcludeController()
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: ServiceConfig) {}

  @Get()
  @Header('Content-Type', register.contentType)
  @Header('Cache-Control', 'no-store')
  async metrics(@Headers('authorization') authorization?: string): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    if (!token) {
      if (this.config.NODE_ENV === 'production') throw new NotFoundException();
    } else if (!sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new UnauthorizedException('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    return register.metrics();
  }
}

/** Constant-time comparison of two strings of any length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
