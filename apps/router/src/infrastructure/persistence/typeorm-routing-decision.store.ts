import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ComplaintRoutedV1, parseContract } from '@complaints/contracts';
import { RoutingDecisionStore } from '../../application/route-complaint/routing-decision.store';
import { RoutingDecisionEntity } from './routing-decision.entity';

@Injectable()
export class TypeOrmRoutingDecisionStore extends RoutingDecisionStore {
  constructor(@InjectRepository(RoutingDecisionEntity) private readonly decisions: Repository<RoutingDecisionEntity>) {
    super();
  }

  async find(complaintId: string): Promise<ComplaintRoutedV1 | null> {
    const row = await this.decisions.findOneBy({ complaintId });
    return row ? parseContract(ComplaintRoutedV1, row.routedEvent) : null;
  }

  async saveIfAbsent(event: ComplaintRoutedV1): Promise<ComplaintRoutedV1> {
    await this.decisions
      .createQueryBuilder()
      .insert()
      .values({
        complaintId: event.complaint.complaintId,
        reference: event.complaint.reference,
        department: event.routing.department,
        ruleId: event.routing.ruleId,
        needsTriage: event.routing.needsTriage,
        routedEvent: JSON.parse(JSON.stringify(event)),
      })
      .orIgnore()
      .execute();
    const stored = await this.find(event.complaint.complaintId);
    if (!stored) throw new Error(`routing decision for ${event.complaint.complaintId} vanished after insert`);
    return stored;
  }
}
