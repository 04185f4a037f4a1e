import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { ComplaintRoutedV1, parseContract } from '@complaints/contracts';
import { RoutingDecisionStore, RoutingSession } from '../../application/route-complaint/routing-decision.store';
import { PgRoutingSession } from './pg-routing.session';
import { RoutingDecisionEntity } from './routing-decision.entity';

@Injectable()
export class TypeOrmRoutingDecisionStore extends RoutingDecisionStore {
  constructor(
    @InjectRepository(RoutingDecisionEntity) private readonly decisions: Repository<RoutingDecisionEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async findMany(complaintIds: readonly string[]): Promise<Map<string, ComplaintRoutedV1>> {
    if (complaintIds.length === 0) return new Map();
    const rows = await this.decisions.findBy({ complaintId: In([...complaintIds]) });
    return new Map(rows.map((row) => [row.complaintId, parseContract(ComplaintRoutedV1, row.routedEvent)]));
  }

  inTransaction<R>(work: (session: RoutingSession) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => work(new PgRoutingSession(tx)));
  }
}
