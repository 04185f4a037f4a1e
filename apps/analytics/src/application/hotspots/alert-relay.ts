/** Port: publishes the stored alerts Kafka has not acknowledged yet, oldest first; returns how many went out. */
export abstract class AlertRelay {
  abstract publishPending(): Promise<number>;
}
