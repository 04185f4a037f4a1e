import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { purgeExpired, rows } from '@complaints/persistence';
import { DataSource } from 'typeorm';
import { CallbackNonceStore, NonceClaim, SignedCallback } from '../../application/guard-callbacks/callback-nonce.store';
import { StoreUnavailableError } from '../../application/receive-message/conversation.store';

const TABLE = 'intake_social.callback_nonces';

@Injectable()
export class PostgresCallbackNonceStore extends CallbackNonceStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async claim(callback: SignedCallback): Promise<NonceClaim> {
    const key = [callback.realm, callback.timestamp, callback.nonce];
    try {
      const inserted = rows<{ digest: string }>(
        await this.db.query(
          `INSERT INTO ${TABLE} (realm, signed_at, nonce, digest, expires_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING RETURNING digest`,
          [...key, callback.digest, callback.expiresAt],
        ),
      );
      if (inserted.length > 0) return 'first';
      // A new statement: it sees the row of a concurrent request that won the insert.
      const seen = rows<{ digest: string }>(
        await this.db.query(`SELECT digest FROM ${TABLE} WHERE realm = $1 AND signed_at = $2 AND nonce = $3`, key),
      );
      return seen[0]?.digest === callback.digest ? 'same-request' : 'replayed';
    } catch (error) {
      throw new StoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  purgeExpired(now: Date): Promise<number> {
    return purgeExpired(this.db, { table: TABLE, column: 'expires_at' }, now);
  }
}
