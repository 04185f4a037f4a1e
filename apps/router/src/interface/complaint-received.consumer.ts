import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { EventBatchConsumer, EventConsumerFactory } from '@complaints/messaging';
import { RouteComplaintsUseCase } from '../application/route-complaint/route-complaints.use-case';
import { routerMetrics } from '../infrastructure/router.metrics';
import { RouterConfig } from '../router.config';

export const ROUTER_GROUP = 'router';

/** Consumes `complaints.received.v1` in batches (up to ROUTING_BATCH_SIZE per partition) and routes each batch at once. */
@Injectable()
export class ComplaintReceivedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventBatchConsumer<ComplaintReceivedV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly routeComplaints: RouteComplaintsUseCase,
    private readonly config: RouterConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.createBatch({
      groupId: ROUTER_GROUP,
      topic: ComplaintReceivedV1.topic,
      contract: ComplaintReceivedV1,
      maxBatchSize: this.config.ROUTING_BATCH_SIZE,
      handleBatch: async (consumed) => {
        const routed = await this.routeComplaints.execute(consumed.map((c) => c.event));
        routerMetrics.batchSize.observe(routed.length);
        for (const { routing } of routed) {
          routerMetrics.routed.inc({ department: routing.department, needs_triage: String(routing.needsTriage), linked: String(Boolean(routing.linkedCaseReference)) });
        }
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
