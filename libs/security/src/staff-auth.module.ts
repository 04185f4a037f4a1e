import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { StaffApiServiceConfig } from '@complaints/config';
import type { StaffTokenSigningKey } from './sign-staff-token';
import { StaffAuthGuard } from './staff-auth.guard';
import { publicJwkOf, publicKeysOf } from './staff-token-keys';
import { STAFF_TOKEN_JWKS, StaffTokenKeysController } from './staff-token-keys.controller';
import { StaffTokenVerifier, staffTokenVerifier } from './staff-token-verifier';

/**
 * The staff API's access control: StaffAuthGuard as a global guard (every route declares StaffRoles or
 * PublicRoute), verifying tokens with public keys. A service that signs tokens (cases) passes its
 * signing key: it trusts its own public key and publishes it at GET /.well-known/jwks.json.
 */
@Module({})
export class StaffAuthModule {
  static forRoot(config: StaffApiServiceConfig, options: { signingKey?: StaffTokenSigningKey } = {}): DynamicModule {
    const { signingKey } = options;
    return {
      module: StaffAuthModule,
      controllers: signingKey ? [StaffTokenKeysController] : [],
      providers: [
        { provide: StaffTokenVerifier, useValue: staffTokenVerifier(config, signingKey) },
        { provide: STAFF_TOKEN_JWKS, useValue: signingKey ? publishedKeys(signingKey, config) : [] },
        StaffAuthGuard,
        { provide: APP_GUARD, useExisting: StaffAuthGuard },
      ],
      exports: [StaffTokenVerifier, StaffAuthGuard],
    };
  }
}

/** The signing key's public key, then the other trusted keys (the previous signing key while keys rotate). */
function publishedKeys(signingKey: StaffTokenSigningKey, config: StaffApiServiceConfig) {
  const current = { ...publicJwkOf(signingKey.privateKey), alg: signingKey.algorithm };
  return [
    current,
    ...publicKeysOf(config.STAFF_TOKEN_PUBLIC_KEY)
      .map((key) => publicJwkOf(key))
      .filter((jwk) => jwk.kid !== current.kid),
  ];
}
