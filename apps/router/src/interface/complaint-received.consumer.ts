import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { EventConsumer, EventConsumerFactory } from '@complaints/messaging';
import { RouteComplaintUseCase } from '../application/route-complaint/route-complaint.use-case';
import { routerMetrics } from '../infrastructure/router.metrics';

export const ROUTER_GROUP = 'router';

/** Consumes `complaints.received.v1` and routes each complaint. */
@Injectable()
export class ComplaintReceivedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<ComplaintReceivedV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly routeComplaint: RouteComplaintUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({
      groupId: ROUTER_GROUP,
      topic: ComplaintReceivedV1.topic,
      contract: ComplaintReceivedV1,
      handle: async (event) => {
        const { routing } = await this.routeComplaint.execute(event);
        routerMetrics.routed.inc({ department: routing.department, needs_triage: String(routing.needsTriage), linked: String(Boolean(routing.linkedCaseReference)) });
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
