import type { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * The two statements a batch of submissions needs, built from the entity's metadata: store new
 * rows (those whose key or reference is taken are skipped and named by what comes back), and mark
 * rows accepted by complaint id.
 */
export class BatchedSubmissionStatements {
  private readonly table: string;
  private readonly complaintIdColumn: string;

  constructor(private readonly rows: Repository<object>) {
    const { metadata } = rows;
    const escape = (name: string) => rows.manager.connection.driver.escape(name);
    this.table = metadata.schema ? `${escape(metadata.schema)}.${escape(metadata.tableName)}` : escape(metadata.tableName);
    this.complaintIdColumn = this.column('complaintId');
  }

  /**
   * Inserts the rows in one statement (one transaction); a row breaking a unique constraint (its
   * key, its reference, its complaint id) is skipped. Returns the complaint ids of the rows stored.
   */
  async insertSkippingTaken(rows: ReadonlyArray<QueryDeepPartialEntity<object>>): Promise<Set<string>> {
    const properties = Object.keys(rows[0]);
    const columns = properties.map((property) => this.column(property)).join(', ');
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const values = properties.map((property) => {
        params.push((row as Record<string, unknown>)[property]);
        return `$${params.length}`;
      });
      return `(${values.join(', ')})`;
    });
    const stored = await this.rows.query<Array<{ id: string }>>(
      `INSERT INTO ${this.table} (${columns}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING RETURNING ${this.complaintIdColumn} AS id`,
      params,
    );
    return new Set(stored.map((row) => row.id));
  }

  /** Marks the pending rows of these complaints accepted, in one statement. */
  async markAccepted(complaintIds: readonly string[], at: Date): Promise<void> {
    await this.rows.query(
      `UPDATE ${this.table} SET ${this.column('status')} = 'accepted', ${this.column('acceptedAt')} = $2 ` +
        `WHERE ${this.complaintIdColumn} = ANY($1::uuid[]) AND ${this.column('status')} = 'pending'`,
      [complaintIds, at],
    );
  }

  private column(property: string): string {
    const column = this.rows.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.rows.metadata.name} has no column for ${property}`);
    return this.rows.manager.connection.driver.escape(column.databaseName);
  }
}
