import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { CallbackNonceStore, CallbackRealm } from '../../application/guard-callbacks/callback-nonce.store';
import { socialMetrics } from '../social.metrics';
import { CALLBACK_SECRETS, CallbackSecrets, queryValue, refusal } from './callback-signature.guard';
import { unavailable } from './unavailable';

/**
 * A signed query string (timestamp, nonce, signature) is good for one request. Neither platform signs
 * the plaintext body, so the nonce is remembered (PostgreSQL, shared by every instance) with a digest of
 * what it came with until its timestamp leaves the tolerance window: the same signed query with another
 * body is a replay, refused 401 before anything is read or stored. The same query with the same content
 * is the platform delivering the request again (WeChat retries when it had no answer within 5 s; its
 * documentation does not say whether a retry keeps the nonce): it goes on, and the message dedupe gives
 * it the reply it had. In WeChat's safe mode `msg_signature` covers the ciphertext, so the digest is of
 * the ciphertext, which nobody without the token could change anyway.
 * Runs after the signature checks, so unsigned requests never fill the table.
 */
@Injectable()
export class CallbackReplays {
  constructor(
    private readonly nonces: CallbackNonceStore,
    @Inject(CALLBACK_SECRETS) private readonly settings: CallbackSecrets,
    private readonly logger: PinoLogger,
  ) {}

  async once(realm: CallbackRealm, request: FastifyRequest, signedContent: string): Promise<void> {
    const timestamp = Number(queryValue(request, 'timestamp'));
    const nonce = queryValue(request, 'nonce')!;
    let claim;
    try {
      claim = await this.nonces.claim({
        realm,
        timestamp,
        nonce,
        digest: createHash('sha256').update(signedContent).digest('hex'),
        expiresAt: new Date((timestamp + this.settings.toleranceSeconds + 1) * 1000),
      });
    } catch (error) {
      throw unavailable(error, 'The callback could not be checked right now; deliver it again shortly.');
    }
    if (claim !== 'replayed') return;
    socialMetrics.replaysRefused.inc({ realm });
    // Neither the nonce nor the signature nor the sender goes to the log: they would let a reader replay or identify.
    this.logger.warn({ realm, check: 'nonce' }, 'callback refused: its signed query string was already used with other content');
    throw refusal(realm, 'nonce', 'this signed query string was already used with another request');
  }
}
