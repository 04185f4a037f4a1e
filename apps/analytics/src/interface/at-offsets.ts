import type { ConsumedEvent } from '@complaints/messaging';
import type { AtOffset } from '../application/record-event/record-event.use-case';

/** Consumed events with their Kafka offsets, as the record use case takes them. */
export function atOffsets<T extends object>(consumed: readonly ConsumedEvent<T>[]): AtOffset<T>[] {
  return consumed.map(({ event, meta }) => ({ event, offset: Number(meta.offset) }));
}
