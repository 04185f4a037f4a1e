import { Injectable } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory } from '@complaints/messaging';
import { RouteComplaintsUseCase } from '../application/route-complaint/route-complaints.use-case';
import { routerMetrics } from '../infrastructure/router.metrics';
import { RouterConfig } from '../router.config';

export const ROUTER_GROUP = 'router';

/** Consumes `complaints.received.v1` in batches (up to ROUTING_BATCH_SIZE per partition) and routes each batch at once. */
@Injectable()
export class ComplaintReceivedConsumer extends EventBatchSubscription<ComplaintReceivedV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly routeComplaints: RouteComplaintsUseCase,
    config: RouterConfig,
  ) {
    super(consumers, {
      groupId: ROUTER_GROUP,
      topic: ComplaintReceivedV1.topic,
      contract: ComplaintReceivedV1,
      maxBatchSize: config.ROUTING_BATCH_SIZE,
      lingerMs: config.ROUTING_LINGER_MS,
    });
  }

  protected async handleBatch(consumed: ConsumedEvent<ComplaintReceivedV1>[]): Promise<void> {
    const routed = await this.routeComplaints.execute(consumed.map((c) => c.event));
    routerMetrics.batchSize.observe(routed.length);
    for (const { routing } of routed) {
      routerMetrics.routed.inc({
        department: routing.department,
        needs_triage: String(routing.needsTriage),
        linked: String(Boolean(routing.linkedCaseReference)),
      });
    }
  }
}
