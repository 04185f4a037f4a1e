import { parseArgs } from 'node:util';
import { Classification, classifyComplaint } from '@complaints/classification';
import { decideRouting } from '../apps/router/src/domain/decide-routing';
import { DEFAULT_RULES } from '../apps/router/src/domain/default-rules';
import {
  customerText,
  HELDOUT_SETS,
  LabeledComplaint,
  readDataset,
  reasonOf,
  routingDataDir,
} from '../libs/classification/src/training/routing-dataset';

/** The router's default ROUTING_TRIAGE_THRESHOLD (apps/router/src/router.config.ts). */
const DEFAULT_TRIAGE_THRESHOLD = 0.35;

type Axis = 'product' | 'reason' | 'servicePoint' | 'escalation' | 'priority' | 'department' | 'debtCollection';

interface Scored {
  item: LabeledComplaint;
  predicted: Classification;
  department: string;
  triaged: boolean;
}

/**
 * `npm run eval:routing`: classifies the held-out complaints of data/routing (which training never
 * reads), routes them with the router's default rules and prints per-axis accuracy and a confusion
 * table per axis, per held-out set. Hotline items are classified on the customer's turns.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      'triage-threshold': { type: 'string', default: String(DEFAULT_TRIAGE_THRESHOLD) },
      'no-confusion': { type: 'boolean', default: false },
    },
  });
  const threshold = Number(values['triage-threshold']);
  const dir = routingDataDir();
  const sets = HELDOUT_SETS.map((set) => ({ name: set.name, language: set.language, items: readDataset(set.file, dir) }));
  const chinese = {
    name: 'zh total (all Chinese held-out sets; dev-shared has 4 English items)',
    items: sets.filter((s) => s.language === 'zh').flatMap((s) => s.items),
  };

  const timing = measureTime(sets.flatMap((s) => s.items));
  for (const set of [chinese, ...sets])
    report(
      set.name,
      set.items.map((item) => score(item, threshold)),
      !values['no-confusion'],
    );
  process.stdout.write(
    `\nclassification time per complaint: ${timing.wallMs.toFixed(3)} ms wall clock, ${timing.cpuMs.toFixed(3)} ms CPU ` +
      `(mean over ${timing.count} held-out complaints x 3, mean length ${timing.meanChars} characters)\n`,
  );
}

function score(item: LabeledComplaint, threshold: number): Scored {
  const predicted = classifyComplaint({ text: customerText(item) });
  const outcome = decideRouting(predicted, DEFAULT_RULES, threshold);
  return { item, predicted, department: outcome.department, triaged: outcome.needsTriage };
}

/** [expected, predicted] per axis; undefined when the item is not labeled on that axis. */
function pair(s: Scored, axis: Axis): [string, string] | undefined {
  const { item, predicted } = s;
  switch (axis) {
    case 'product':
      return item.product ? [item.product, predicted.product] : undefined;
    case 'reason':
      return item.reason ? [item.reason, predicted.reason] : undefined;
    case 'servicePoint':
      return item.servicePoint ? [item.servicePoint, predicted.servicePoint] : undefined;
    case 'escalation':
      return item.escalation === undefined ? undefined : [String(item.escalation), String(predicted.escalation)];
    case 'priority':
      return item.priority ? [item.priority, predicted.priority] : undefined;
    case 'department':
      return item.department ? [item.department, s.department] : undefined;
    case 'debtCollection':
      // CFPB: only "filed under debt collection or not" is known about the reason.
      return item.debtCollection === undefined
        ? undefined
        : [String(reasonOf(item) === 'DEBT_COLLECTION'), String(predicted.reason === 'DEBT_COLLECTION')];
  }
}

const AXES: Axis[] = ['product', 'reason', 'servicePoint', 'escalation', 'priority', 'department', 'debtCollection'];

function report(name: string, scored: Scored[], confusion: boolean): void {
  const out: string[] = [`\n=== ${name}: ${scored.length} complaints ===`];
  const tables: string[] = [];
  for (const axis of AXES) {
    const pairs = scored.map((s) => pair(s, axis)).filter((p): p is [string, string] => p !== undefined);
    if (!pairs.length) continue;
    const correct = pairs.filter(([e, p]) => e === p).length;
    out.push(`${axis.padEnd(15)} ${(correct / pairs.length).toFixed(3)}  (${correct}/${pairs.length})`);
    if (confusion) tables.push(confusionTable(axis, pairs));
  }
  const triaged = scored.filter((s) => s.triaged).length;
  out.push(`sent to triage  ${triaged}/${scored.length}`);
  process.stdout.write(`${out.join('\n')}\n${tables.join('')}`);
}

/** Rows: expected label; columns: predicted label (abbreviated to 5 characters). */
function confusionTable(axis: string, pairs: [string, string][]): string {
  const labels = [...new Set(pairs.flat())].sort();
  const width = Math.max(...labels.map((l) => l.length));
  const short = (l: string) => l.replace(/_/g, '').slice(0, 5).padStart(5);
  const lines = [`\n${axis} (rows expected, columns predicted)`, `${''.padEnd(width)} ${labels.map(short).join(' ')}`];
  for (const expected of labels) {
    const cells = labels.map((predicted) => {
      const n = pairs.filter(([e, p]) => e === expected && p === predicted).length;
      return (n ? String(n) : '.').padStart(5);
    });
    lines.push(`${expected.padEnd(width)} ${cells.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Wall clock and CPU time (the latter is steadier on a busy machine). */
function measureTime(items: LabeledComplaint[]): { wallMs: number; cpuMs: number; count: number; meanChars: number } {
  const texts = items.map(customerText);
  texts.slice(0, 20).forEach((text) => classifyComplaint({ text })); // warm-up: loads jieba and the model
  const rounds = 3;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const text of texts) classifyComplaint({ text });
  const { user, system } = process.cpuUsage(cpu);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const meanChars = Math.round(texts.reduce((sum, t) => sum + t.length, 0) / texts.length);
  const calls = rounds * texts.length;
  return { wallMs: wallMs / calls, cpuMs: (user + system) / 1000 / calls, count: texts.length, meanChars };
}

main();
