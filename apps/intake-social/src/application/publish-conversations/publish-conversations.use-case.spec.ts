import { ComplaintReceivedV1, parseContract } from '@complaints/contracts';
import { ClosedConversation, ConversationStore, ReceivedComplaintsPublisher } from '../receive-message/conversation.store';
import { PublishConversationsUseCase } from './publish-conversations.use-case';
import { InMemoryReceivedComplaintsPublisher } from '../in-memory/in-memory-received-complaints.publisher';
import { socialIntake, wechatMessage } from '../in-memory/social-intake';

const now = new Date('2026-11-29T02:10:00Z');
let seq = 0;

function closed(userId: string, text = '我的信用卡被盗刷了'): ClosedConversation {
  seq++;
  return {
    complaintId: `0b8a4cf4-43a5-5b5e-9d6c-${String(seq).padStart(12, '0')}`,
    reference: `C20261129-X7K3Q${seq}`,
    eventId: `1c8a4cf4-43a5-5b5e-9d6c-${String(seq).padStart(12, '0')}`,
    correlationId: `corr-${seq}`,
    channel: 'wechat',
    account: 'wxdev0000000000000',
    userId,
    openedAt: new Date('2026-11-29T02:00:00Z'),
    fragments: [{ messageId: `m${seq}`, text, sentAt: new Date('2026-11-29T02:00:00Z'), via: 'official-account' }],
  };
}

/** The store's claim and outcomes, in memory. */
class InMemoryStore implements Pick<ConversationStore, 'claimClosed' | 'markPublished' | 'markRejected'> {
  readonly published: string[] = [];
  readonly rejected: { id: string; reason: string }[] = [];
  constructor(private readonly queue: ClosedConversation[]) {}
  async claimClosed(): Promise<ClosedConversation[]> {
    return this.queue.splice(0);
  }
  async markPublished(ids: readonly string[]): Promise<void> {
    this.published.push(...ids);
  }
  async markRejected(id: string, reason: string): Promise<void> {
    this.rejected.push({ id, reason });
  }
}

/** Checks every event against its contract as the Kafka publisher does; fails from the `failAt`-th send on. */
class ContractCheckingPublisher extends ReceivedComplaintsPublisher {
  readonly sent: ComplaintReceivedV1[][] = [];
  constructor(private readonly failAt = Infinity) {
    super();
  }
  async publishAll(events: readonly ComplaintReceivedV1[]): Promise<void> {
    const valid = events.map((event) => parseContract(ComplaintReceivedV1, event));
    if (this.sent.length + 1 >= this.failAt) throw new Error('Kafka did not acknowledge');
    this.sent.push(valid);
  }
}

const settings = { quietWindowSeconds: 60, batchSize: 100, leaseMs: 30_000 };

describe('publishing closed conversations one by one', () => {
  it('a conversation that breaks the contract is set aside with the reason; the others of the batch are published', async () => {
    const good1 = closed('oGood1');
    const bad = closed('o'.repeat(300)); // an openId longer than the contract allows: can never be published
    const good2 = closed('oGood2', `${'a'.repeat(19_999)}\u{1F600}\u{1F600}`);
    const store = new InMemoryStore([good1, bad, good2]);
    const publisher = new ContractCheckingPublisher();

    const report = await new PublishConversationsUseCase(
      store as unknown as ConversationStore,
      publisher,
      settings,
      'intake-social',
      () => now,
    ).execute();

    expect(report).toEqual({ published: 2, rejected: [bad.complaintId] });
    expect(store.published).toEqual([good1.complaintId, good2.complaintId]);
    expect(publisher.sent.map((events) => events.map((e) => e.complaint.complaintId))).toEqual([[good1.complaintId], [good2.complaintId]]);
    expect(store.rejected[0].reason).toMatch(/openId/);
  });

  it('a Kafka failure ends the pass: what was acknowledged is marked, the rest stays queued', async () => {
    const [a, b, c] = [closed('oA'), closed('oB'), closed('oC')];
    const store = new InMemoryStore([a, b, c]);
    const report = await new PublishConversationsUseCase(
      store as unknown as ConversationStore,
      new ContractCheckingPublisher(2),
      settings,
      'intake-social',
      () => now,
    ).execute();
    expect(report.published).toBe(1);
    expect(String(report.failure)).toMatch(/acknowledge/);
    expect(store.published).toEqual([a.complaintId]);
    expect(store.rejected).toEqual([]);
  });
});

describe('publishing the conversations the customers had', () => {
  function relay() {
    const intake = socialIntake();
    const publisher = new InMemoryReceivedComplaintsPublisher();
    const publish = new PublishConversationsUseCase(intake.store, publisher, { ...settings, leaseMs: 30_000 }, 'intake-social', intake.now);
    return { ...intake, publisher, publish };
  }

  it("publishes a conversation once it went quiet, as one complaint of all its messages under the customer's reference", async () => {
    const { receive, publish, publisher, store, later } = relay();
    const opened = await receive.execute(wechatMessage('m1', '信用卡被盗刷', 'oUser1', new Date('2026-12-01T08:00:00.000Z')), 'corr-1');
    later(30);
    await receive.execute(wechatMessage('m2', '金额3000元', 'oUser1', new Date('2026-12-01T08:00:30.000Z')), 'corr-2');
    later(59);
    await expect(publish.execute()).resolves.toEqual({ published: 0, rejected: [] });

    later(1);
    await expect(publish.execute()).resolves.toEqual({ published: 1, rejected: [] });

    expect(publisher.published).toHaveLength(1);
    expect(publisher.published[0]).toMatchObject({
      correlationId: 'corr-1',
      complaint: {
        complaintId: opened.complaintId,
        reference: opened.reference,
        channel: 'wechat',
        content: { text: '信用卡被盗刷\n金额3000元' },
      },
    });
    expect(store.conversations.get(opened.complaintId)!.status).toBe('published');
    await expect(publish.execute()).resolves.toEqual({ published: 0, rejected: [] });
  });

  it('publishes a conversation Kafka did not take again once its lease is over, with the same event and complaint ids', async () => {
    const { receive, publish, publisher, store, later } = relay();
    const opened = await receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1');
    const { eventId } = store.conversations.get(opened.complaintId)!;
    later(60);
    publisher.failing = new Error('broker unavailable');
    await expect(publish.execute()).resolves.toMatchObject({ published: 0, failure: publisher.failing });

    publisher.failing = null;
    await expect(publish.execute()).resolves.toEqual({ published: 0, rejected: [] });
    later(30);
    await expect(publish.execute()).resolves.toEqual({ published: 1, rejected: [] });

    expect(publisher.published.map((event) => [event.eventId, event.complaint.complaintId])).toEqual([[eventId, opened.complaintId]]);
  });

  it("publishes nothing twice when the customer's message is delivered again after its conversation went out", async () => {
    const { receive, publish, publisher, later } = relay();
    await receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-1');
    later(60);
    await publish.execute();

    await expect(receive.execute(wechatMessage('m1', '信用卡被盗刷'), 'corr-again')).resolves.toMatchObject({ outcome: 'duplicate' });
    later(60);
    await expect(publish.execute()).resolves.toEqual({ published: 0, rejected: [] });
    expect(publisher.published).toHaveLength(1);
  });
});
