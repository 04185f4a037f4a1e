/** Port: publishes the reassignments committed to the outbox. `kick` asks for a pass now, without waiting. */
export abstract class ReassignmentsRelay {
  abstract kick(): void;
}
