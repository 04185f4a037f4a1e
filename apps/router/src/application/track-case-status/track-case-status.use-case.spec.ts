import type { CaseEventV1 } from '@complaints/contracts';
import { CaseTracking, HandlerStore } from '../handlers/handler.store';
import { CaseOpenChange, MatterStore } from '../repeat-complaints/matter.store';
import { TrackCaseStatusUseCase } from './track-case-status.use-case';

/** Keeps what it was told to write, call by call. */
class RecordingMatters extends MatterStore {
  readonly calls: CaseOpenChange[][] = [];
  setOpen(changes: readonly CaseOpenChange[]): Promise<void> {
    this.calls.push([...changes]);
    return Promise.resolve();
  }
}

class RecordingHandlers {
  readonly calls: CaseTracking[][] = [];
  trackCases(changes: readonly CaseTracking[]): Promise<void> {
    this.calls.push([...changes]);
    return Promise.resolve();
  }
}

const event = (complaintId: string, eventType: string, at: string, assignee: string | null = null) =>
  ({ eventType, at, case: { complaintId, assignee } }) as unknown as CaseEventV1;

describe('TrackCaseStatusUseCase', () => {
  it("writes each case's last state once per batch, as if the events were applied one after the other", async () => {
    const matters = new RecordingMatters();
    const handlers = new RecordingHandlers();
    const track = new TrackCaseStatusUseCase(matters, handlers as unknown as HandlerStore);

    await track.execute([
      event('a', 'case.assigned', '2026-12-01T10:00:00.000Z', 'h1'),
      event('a', 'case.closed', '2026-12-01T11:00:00.000Z'),
      event('b', 'case.withdrawn', '2026-12-01T11:30:00.000Z'),
      event('a', 'case.reopened', '2026-12-01T12:00:00.000Z'),
      event('a', 'case.claimed', '2026-12-01T13:00:00.000Z', 'h2'),
      event('c', 'case.opened', '2026-12-01T13:30:00.000Z'),
      event('d', 'case.assigned', '2026-12-01T14:00:00.000Z', 'h3'),
      event('d', 'case.assigned', '2026-12-01T14:30:00.000Z', null),
      event('b', 'case.archived', '2026-12-02T09:00:00.000Z'),
    ]);

    expect(matters.calls).toEqual([
      [
        { complaintId: 'a', open: true, at: new Date('2026-12-01T12:00:00.000Z') },
        { complaintId: 'b', open: false, at: new Date('2026-12-02T09:00:00.000Z') },
      ],
    ]);
    expect(handlers.calls).toEqual([
      [
        { complaintId: 'a', open: true, handlerId: 'h2' },
        { complaintId: 'b', open: false },
        { complaintId: 'd', handlerId: null },
      ],
    ]);
  });

  it('writes nothing for events that change neither whether a case is open nor who has it', async () => {
    const matters = new RecordingMatters();
    const handlers = new RecordingHandlers();
    await new TrackCaseStatusUseCase(matters, handlers as unknown as HandlerStore).execute([
      event('a', 'case.opened', '2026-12-01T10:00:00.000Z'),
      event('a', 'case.note-added', '2026-12-01T10:05:00.000Z'),
    ]);
    expect(matters.calls).toEqual([]);
    expect(handlers.calls).toEqual([]);
  });
});
