import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ComplaintRoutedV1, parseContract } from '@complaints/contracts';
import type { Assignment } from '../../application/handlers/handler.store';
import type { MatterRecord } from '../../application/repeat-complaints/matter.store';
import { RoutingDecisionStore } from '../../application/route-complaint/routing-decision.store';
import { RoutingDecisionEntity } from './routing-decision.entity';

@Injectable()
export class TypeOrmRoutingDecisionStore extends RoutingDecisionStore {
  constructor(
    @InjectRepository(RoutingDecisionEntity) private readonly decisions: Repository<RoutingDecisionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async find(complaintId: string): Promise<ComplaintRoutedV1 | null> {
    const row = await this.decisions.findOneBy({ complaintId });
    return row ? parseContract(ComplaintRoutedV1, row.routedEvent) : null;
  }

  async saveIfAbsent(event: ComplaintRoutedV1, matter: MatterRecord | null, assignment: Assignment): Promise<ComplaintRoutedV1> {
    await this.db.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(RoutingDecisionEntity)
        .values({
          complaintId: event.complaint.complaintId,
          reference: event.complaint.reference,
          department: event.routing.department,
          ruleId: event.routing.ruleId,
          needsTriage: event.routing.needsTriage,
          routedEvent: JSON.parse(JSON.stringify(event)),
        })
        .orIgnore()
        .returning(['complaintId'])
        .execute();
      if (inserted.raw.length === 0) return;
      await tx.query(
        `INSERT INTO routing.assignments (complaint_id, reference, department, language, product, reason, handler_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [assignment.complaintId, assignment.reference, assignment.department, assignment.language, assignment.product, assignment.reason, assignment.handlerId],
      );
      if (!matter) return;
      await tx.query(
        `INSERT INTO routing.matters (complaint_id, reference, product, reason, received_at, customer_fingerprint, linked_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [matter.complaintId, matter.reference, matter.product, matter.reason, matter.receivedAt, matter.customerFingerprint, matter.linkedTo],
      );
      await tx.query(
        'INSERT INTO routing.matter_identities (fingerprint, complaint_id) SELECT unnest($1::text[]), $2',
        [matter.fingerprints, matter.complaintId],
      );
    });
    const stored = await this.find(event.complaint.complaintId);
    if (!stored) throw new Error(`routing decision for ${event.complaint.complaintId} vanished after insert`);
    return stored;
  }
}
