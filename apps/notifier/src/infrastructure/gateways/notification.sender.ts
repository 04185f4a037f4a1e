import { ENCRYPTED_VALUE } from '@complaints/contracts';
import { DeliverySender, DueDelivery } from '@complaints/delivery';
import { PiiCipher } from '@complaints/security';
import type { Notification, Route } from '../../domain/notification';
import { RouteGateway } from './route-gateway';

/** Sends a notification through its route's gateway, opening a sealed recipient only at the moment of sending. */
export class NotificationSender extends DeliverySender<Notification> {
  constructor(
    private readonly gateways: ReadonlyMap<Route, RouteGateway>,
    private readonly cipher: PiiCipher,
  ) {
    super();
  }

  async send(delivery: DueDelivery<Notification>): Promise<void> {
    const notification = delivery.payload;
    const gateway = this.gateways.get(notification.route);
    if (!gateway) throw new Error(`no gateway configured for ${notification.route}`);
    const recipient = ENCRYPTED_VALUE.test(notification.recipient) ? this.cipher.open(notification.recipient) : notification.recipient;
    await gateway.send(notification, recipient, delivery.id);
  }
}
