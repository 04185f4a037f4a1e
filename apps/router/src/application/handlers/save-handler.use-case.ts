import type { Handler } from '../../domain/handler';
import { HandlerStore, Reassignment } from './handler.store';
import { ReassignmentsRelay } from './reassignments.relay';

/**
 * Creates or changes a handler (audited); their open cases that they no longer fit go to someone who
 * does, and cases hears of each move through the outbox.
 */
export class SaveHandlerUseCase {
  constructor(
    private readonly handlers: HandlerStore,
    private readonly relay: ReassignmentsRelay,
  ) {}

  async execute(handler: Handler, actor: string): Promise<{ handler: Handler; reassigned: Reassignment[] }> {
    const before = await this.handlers.save(handler, actor);
    const reassigned = await this.handlers.reassignFrom(handler.id, actor);
    if (reassigned.length > 0) this.relay.kick();
    await this.handlers.audit({ actor, handlerId: handler.id, before, after: handler, reassigned });
    return { handler, reassigned };
  }
}
