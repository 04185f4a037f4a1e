import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { PublicRoute } from '@complaints/observability';

export const STAFF_TOKEN_JWKS = Symbol('STAFF_TOKEN_JWKS');

/** The public keys of the staff tokens this service signs, for the services that verify them (STAFF_TOKEN_JWKS_URL). */
@ApiTags('staff tokens')
@PublicRoute()
@Controller('.well-known/jwks.json')
export class StaffTokenKeysController {
  constructor(@Inject(STAFF_TOKEN_JWKS) private readonly keys: JWK[]) {}

  @Get()
  @ApiOperation({ summary: 'The JSON Web Key Set of the staff tokens this service signs (public keys only)' })
  @ApiOkResponse({ description: '`{ keys: [...] }` (RFC 7517)' })
  jwks(): { keys: JWK[] } {
    return { keys: this.keys };
  }
}
