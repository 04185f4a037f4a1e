import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatterStore } from '../../application/repeat-complaints/matter.store';

@Injectable()
export class PgMatterStore extends MatterStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async setOpen(complaintId: string, open: boolean, at: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      'UPDATE routing.matters SET open = $2, closed_at = CASE WHEN $2 THEN NULL ELSE $3::timestamptz END WHERE complaint_id = $1',
      [complaintId, open, at],
    );
    return affected > 0;
  }
}
