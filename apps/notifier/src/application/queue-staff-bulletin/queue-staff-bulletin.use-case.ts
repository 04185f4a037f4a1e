import type { StaffBulletinV1 } from '@complaints/contracts';
import { DeliveryOutbox } from '@complaints/delivery';
import { renderBulletin } from '../../domain/bulletin-templates';
import type { Notification } from '../../domain/notification';
import type { StaffMessage, StaffRoute } from '../../domain/staff-message';

export interface StaffRecipients {
  /** E-mail addresses (only when an SMTP server is configured). */
  emails: readonly string[];
  /** Ids of the configured staff webhook URLs. */
  webhooks: readonly string[];
}

/**
 * Renders a bulletin once (Chinese and English, text and HTML) and records one delivery per
 * (bulletin, recipient) in the notifier's outbox: a redelivered bulletin queues nothing new.
 */
export class QueueStaffBulletinUseCase {
  constructor(
    private readonly outbox: DeliveryOutbox<Notification | StaffMessage>,
    private readonly recipients: StaffRecipients,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(event: StaffBulletinV1): Promise<{ queued: number }> {
    const rendered = renderBulletin(event);
    const data = {
      week: event.week,
      from: event.from,
      to: event.to,
      timeZone: event.timeZone,
      scorecard: event.scorecard,
      hotspots: event.hotspots,
      hotspotsTotal: event.hotspotsTotal,
      improvements: event.improvements,
    };
    const targets: [StaffRoute, string][] = [
      ...this.recipients.emails.map((r): [StaffRoute, string] => ['staff-email', r]),
      ...this.recipients.webhooks.map((r): [StaffRoute, string] => ['staff-webhook', r]),
    ];
    let queued = 0;
    for (const [route, recipient] of targets) {
      const payload: StaffMessage = {
        kind: 'staff-bulletin',
        route,
        recipient,
        bulletinId: event.eventId,
        week: event.week,
        ...rendered,
        data,
      };
      if (await this.outbox.enqueue({ id: `${event.eventId}:${route}:${recipient}`, target: route, payload }, this.now())) queued += 1;
    }
    return { queued };
  }
}
