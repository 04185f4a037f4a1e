import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { StaffBulletinV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { QueueStaffBulletinUseCase } from '../application/queue-staff-bulletin/queue-staff-bulletin.use-case';

export const STAFF_BULLETIN_GROUP = 'notifier.staff-bulletins';

/** Consumes `analytics.bulletins.v1` and queues the bulletin for every configured staff recipient. */
@Injectable()
export class StaffBulletinsConsumer extends EventSubscription<StaffBulletinV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly queueBulletin: QueueStaffBulletinUseCase,
    private readonly logger: PinoLogger,
  ) {
    super(consumers, { groupId: STAFF_BULLETIN_GROUP, topic: StaffBulletinV1.topic, contract: StaffBulletinV1 });
  }

  protected async handle(event: StaffBulletinV1): Promise<void> {
    const { queued } = await this.queueBulletin.execute(event);
    this.logger.info({ week: event.week, bulletinId: event.eventId, queued }, 'staff bulletin queued');
  }
}
