import { DeliverySender, DueDelivery } from '@complaints/delivery';
import type { Notification } from '../../domain/notification';
import { isStaffMessage, StaffMessage } from '../../domain/staff-message';
import type { NotifierConfig } from '../../notifier.config';
import { EmailGateway } from './email.gateway';
import { StaffWebhookGateway } from './staff-webhook.gateway';

/** The outbox's payloads: a customer's notification or a staff member's bulletin. */
export type OutboundMessage = Notification | StaffMessage;

/** The staff gateways this deployment configured (e-mail needs SMTP_URL). */
export interface StaffGateways {
  email: EmailGateway | null;
  webhooks: StaffWebhookGateway;
}

export function staffGateways(config: NotifierConfig): StaffGateways {
  const timeoutMs = config.NOTIFY_TIMEOUT_MS;
  const list = (text: string) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    email: config.SMTP_URL ? new EmailGateway({ smtpUrl: config.SMTP_URL, from: config.EMAIL_FROM, timeoutMs }) : null,
    webhooks: new StaffWebhookGateway({
      urls: list(config.NOTIFIER_STAFF_WEBHOOK_URLS),
      secret: config.NOTIFIER_STAFF_WEBHOOK_SECRET,
      timeoutMs,
    }),
  };
}

/** Sends staff messages through the staff gateways and everything else through the customers' sender. */
export class OutboundSender extends DeliverySender<OutboundMessage> {
  constructor(
    private readonly customers: DeliverySender<Notification>,
    private readonly staff: StaffGateways,
  ) {
    super();
  }

  async send(delivery: DueDelivery<OutboundMessage>): Promise<void> {
    const message = delivery.payload;
    if (!isStaffMessage(message)) return this.customers.send(delivery as DueDelivery<Notification>);
    if (message.route === 'staff-webhook') return this.staff.webhooks.send(message, delivery.id);
    if (!this.staff.email) throw new Error('no SMTP server configured for staff e-mail');
    await this.staff.email.sendMail(
      {
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-Bulletin-Week': message.week },
      },
      delivery.id,
    );
  }
}
