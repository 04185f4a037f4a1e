import { Inject, Injectable } from '@nestjs/common';
import { SignatureSettings, SignedRequestGuard } from '@complaints/security';

export const SIGNATURE_SETTINGS = Symbol('SIGNATURE_SETTINGS');

/** Authenticates a call-centre push (HMAC over the raw body); refusals are 401 problems naming the failed check. */
@Injectable()
export class HotlineSignatureGuard extends SignedRequestGuard {
  constructor(@Inject(SIGNATURE_SETTINGS) settings: SignatureSettings) {
    super(settings, {
      senderHeader: 'X-Callcenter-Id',
      senderKind: 'call centre',
      problemPrefix: 'hotline',
      senderCheck: 'callcenter-id',
      realm: 'hotline',
    });
  }
}
