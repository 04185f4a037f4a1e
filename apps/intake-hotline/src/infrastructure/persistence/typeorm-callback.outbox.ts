import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CallbackOutbox, CallbackRequest, DueCallback } from '../../application/notify-callcenter/callback.outbox';
import type { CallbackPayload } from '../../domain/callback';
import { CallbackEntity } from './callback.entity';

@Injectable()
export class TypeOrmCallbackOutbox extends CallbackOutbox {
  constructor(@InjectRepository(CallbackEntity) private readonly callbacks: Repository<CallbackEntity>) {
    super();
  }

  async enqueue(request: CallbackRequest, now: Date): Promise<void> {
    await this.callbacks
      .createQueryBuilder()
      .insert()
      .values({
        eventId: request.payload.eventId,
        callcenterId: request.callcenterId,
        payload: { ...request.payload },
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        finishedAt: null,
      })
      .orIgnore()
      .execute();
  }

  async claimDue(limit: number, leaseMs: number, now: Date): Promise<DueCallback[]> {
    // SKIP LOCKED + a lease: several instances can dispatch without sending one callback twice at once.
    const rows: Array<{ event_id: string; callcenter_id: string; payload: CallbackPayload; attempts: number }> = await this.callbacks.query(
      `UPDATE intake_hotline.callbacks SET next_attempt_at = $2
        WHERE event_id IN (
          SELECT event_id FROM intake_hotline.callbacks
           WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING event_id, callcenter_id, payload, attempts`,
      [now, new Date(now.getTime() + leaseMs), limit],
    ).then((result: [unknown[], number] | unknown[]) => (Array.isArray(result[0]) ? result[0] : result) as never);
    return rows.map((row) => ({ callcenterId: row.callcenter_id, payload: row.payload, attempts: row.attempts }));
  }

  async markDelivered(eventId: string, attempts: number, now: Date): Promise<void> {
    await this.callbacks.update({ eventId }, { status: 'delivered', attempts, finishedAt: now, lastError: null });
  }

  async scheduleRetry(eventId: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.callbacks.update({ eventId }, { attempts, nextAttemptAt, lastError: error.slice(0, 1000) });
  }

  async markDead(eventId: string, attempts: number, error: string, now: Date): Promise<void> {
    await this.callbacks.update({ eventId }, { status: 'dead', attempts, lastError: error.slice(0, 1000), finishedAt: now });
  }
}
