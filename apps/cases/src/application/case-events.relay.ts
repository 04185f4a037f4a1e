/** Port: publishes the events stored with a change (the outbox relay). `kick` asks for a pass now, without waiting. */
export abstract class CaseEventsRelay {
  abstract kick(): void;
}
