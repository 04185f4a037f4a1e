import type { Handler } from '../../domain/handler';
import { HandlerStore, Reassignment } from './handler.store';
import { ReassignmentsRelay } from './reassignments.relay';

/**
 * Creates or changes a handler, audited in the same transaction; their open cases that they no longer
 * fit then go to someone who does (each move committed with its event, so cases hears of it through
 * the outbox), and the moves get an audit entry of their own (the change's before and after, and the
 * moves). If that fails part-way, the change is audited already and a retry moves what is left.
 */
export class SaveHandlerUseCase {
  constructor(
    private readonly handlers: HandlerStore,
    private readonly relay: ReassignmentsRelay,
  ) {}

  async execute(handler: Handler, actor: string): Promise<{ handler: Handler; reassigned: Reassignment[] }> {
    const before = await this.handlers.save(handler, actor);
    const reassigned = await this.handlers.reassignFrom(handler.id, actor);
    if (reassigned.length > 0) {
      this.relay.kick();
      await this.handlers.audit({ actor, handlerId: handler.id, before, after: handler, reassigned });
    }
    return { handler, reassigned };
  }
}
