import { CaseOpenChange, MatterStore } from '../repeat-complaints/matter.store';
import type { InMemoryRoutingDatabase } from './in-memory-routing-database';

/** Whether routed complaints' cases are open, in memory (complaints without a matter are left alone). */
export class InMemoryMatterStore extends MatterStore {
  constructor(private readonly db: InMemoryRoutingDatabase) {
    super();
  }

  async setOpen(changes: readonly CaseOpenChange[]): Promise<void> {
    const { matters } = await this.db.statement();
    for (const change of changes) {
      const matter = matters.get(change.complaintId);
      if (matter) matter.open = change.open;
    }
  }
}
