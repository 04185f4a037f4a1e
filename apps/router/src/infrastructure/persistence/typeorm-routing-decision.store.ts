import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ComplaintRoutedV1, parseContract } from '@complaints/contracts';
import { RoutingDecisionStore, RoutingSession } from '../../application/route-complaint/routing-decision.store';
import { PgRoutingSession } from './pg-routing.session';

@Injectable()
export class TypeOrmRoutingDecisionStore extends RoutingDecisionStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async findMany(complaintIds: readonly string[]): Promise<Map<string, ComplaintRoutedV1>> {
    if (complaintIds.length === 0) return new Map();
    const rows: { complaint_id: string; routed_event: unknown }[] = await this.db.query(
      'SELECT complaint_id, routed_event FROM routing.decisions WHERE complaint_id = ANY($1::uuid[])',
      [[...complaintIds]],
    );
    return new Map(rows.map((row) => [row.complaint_id, parseContract(ComplaintRoutedV1, row.routed_event)]));
  }

  inTransaction<R>(work: (session: RoutingSession) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => work(new PgRoutingSession(tx)));
  }
}
