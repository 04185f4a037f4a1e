import { Inject, Injectable } from '@nestjs/common';
import { SignatureSettings, SignedRequestGuard } from '@complaints/security';

export const SMS_INBOUND_SIGNATURE = Symbol('SMS_INBOUND_SIGNATURE');

/** Authenticates an SMS gateway's delivery (HMAC over the raw body, as call centres sign); refusals are 401 problems naming the failed check. */
@Injectable()
export class SmsGatewaySignatureGuard extends SignedRequestGuard {
  constructor(@Inject(SMS_INBOUND_SIGNATURE) settings: SignatureSettings) {
    super(settings, {
      senderHeader: 'X-Gateway-Id',
      senderKind: 'SMS gateway',
      problemPrefix: 'sms-inbound',
      senderCheck: 'gateway-id',
      realm: 'sms-inbound',
    });
  }
}
