import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Message } from 'kafkajs';
import { detectLanguage } from '@complaints/classification';
import { ComplaintReceivedV1, parseContract } from '@complaints/contracts';
import { envelopeHeaders } from '@complaints/messaging';

/**
 * The router scenario's input: `complaints.received.v1` events built like the intakes build them
 * (see test/integration/router-fixtures.ts), with texts taken in turn from the labelled Chinese and
 * English examples in data/routing/ (the CFPB narratives are left out: they are long US consumer
 * letters, not what the bank's channels receive). Every complaint has its own customer (WeChat
 * openId), so none is a repeat of another.
 */

export interface RoutingText {
  text: string;
  language: 'zh' | 'en' | 'other';
}

/** The `text` of every line of data/routing/{zh,en,dev}-*.jsonl. */
export function routingTexts(projectRoot: string): RoutingText[] {
  const dir = join(projectRoot, 'data', 'routing');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && !f.startsWith('cfpb-'))
    .sort();
  const texts: RoutingText[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text?: unknown };
      if (typeof text === 'string' && text.trim()) texts.push({ text, language: detectLanguage(text) });
    }
  }
  if (texts.length === 0) throw new Error(`no routing examples found in ${dir}`);
  return texts;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `count` valid events (each checked with parseContract), as Kafka messages keyed by complaint id. */
export function receivedComplaintMessages(texts: RoutingText[], count: number): Message[] {
  const run = randomUUID().slice(0, 8);
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const runMark = CROCKFORD[Math.floor(Math.random() * 32)];
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const { text, language } = texts[i % texts.length];
    const at = new Date().toISOString();
    // References unique within the run: the channel mark, then the sequence in Crockford base 32.
    const reference = `C${day}-X${runMark}${sequenceCode(i)}`;
    const event = parseContract(ComplaintReceivedV1, {
      eventId: randomUUID(),
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1,
      occurredAt: at,
      correlationId: `bench-${randomUUID()}`,
      causationId: null,
      source: 'bench-router',
      complaint: {
        complaintId: randomUUID(),
        reference,
        channel: 'wechat',
        receivedAt: at,
        source: { system: 'wxbench0000000001', messageId: `${run}-${i}`, receivedAt: at },
        customer: { contact: { openId: `oBench_${run}_${i}` } },
        content: { text, language },
        context: {},
      },
    });
    messages.push({ key: event.complaint.complaintId, value: JSON.stringify(event), headers: envelopeHeaders(event) });
  }
  return messages;
}

/** Four Crockford characters for 0..1048575 (sequences beyond that wrap). */
function sequenceCode(n: number): string {
  let code = '';
  for (let i = 0; i < 4; i++) {
    code = CROCKFORD[n % 32] + code;
    n = Math.floor(n / 32);
  }
  return code;
}
