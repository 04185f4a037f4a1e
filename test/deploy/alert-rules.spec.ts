import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { register } from 'prom-client';
import { parse } from 'yaml';
import { outboxMetrics } from '@complaints/messaging';
import { collectProcessMetrics } from '@complaints/observability';

/**
 * deploy/prometheus/alert-rules.yml against the code: every rule parses as PromQL (Prometheus's own
 * grammar), and every metric, label and label value it names is one the services register and use,
 * so a renamed metric or label value fails here instead of silencing an alert in production.
 */

const ROOT = join(__dirname, '..', '..');
const RULES_FILE = 'deploy/prometheus/alert-rules.yml';

/** Metrics the rules may name that come from outside the services. */
const EXTERNAL_METRICS: Record<string, readonly string[]> = {
  up: [], // Prometheus itself, per scrape target
  kafka_consumergroup_lag: ['consumergroup', 'topic', 'partition'], // Strimzi's Kafka Exporter
};
/** Labels on every series: Prometheus's per scrape target, and the services' own default label. */
const TARGET_LABELS = new Set(['job', 'instance', '__name__', 'service']);
const SEVERITIES = new Set(['page', 'ticket']);

interface Rule {
  alert?: string;
  expr?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const SOURCES = [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))].map((path) => readFileSync(path, 'utf8'));

/** Registers every metric the services define (the metrics modules, and each outbox relay's by its prefix). */
async function registerServiceMetrics(): Promise<void> {
  collectProcessMetrics('alert-rules-check');
  for (const path of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]) {
    if (path.endsWith('.metrics.ts')) await import(path);
  }
  for (const source of SOURCES) for (const [, prefix] of source.matchAll(/metricsPrefix: '([a-z_]+)'/g)) outboxMetrics(prefix);
}

/** The series names a registered metric exposes, with its label names. */
function knownSeries(): Map<string, readonly string[]> {
  const series = new Map<string, readonly string[]>(Object.entries(EXTERNAL_METRICS));
  for (const metric of register.getMetricsAsArray() as unknown as {
    name: string;
    labelNames?: string[];
    constructor: { name: string };
  }[]) {
    const labels = metric.labelNames ?? [];
    series.set(metric.name, labels);
    if (metric.constructor.name === 'Histogram') {
      for (const suffix of ['_count', '_sum']) series.set(`${metric.name}${suffix}`, labels);
      series.set(`${metric.name}_bucket`, [...labels, 'le']);
    }
  }
  return series;
}

interface Selector {
  metrics: string[];
  matchers: { label: string; op: string; value: string }[];
}

/** The vector selectors of an expression, or the syntax error. */
function selectorsOf(expr: string): Selector[] | string {
  const selectors: Selector[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) return `PromQL syntax error at ${cursor.from}: "${expr.slice(cursor.from, cursor.from + 30)}"`;
    if (cursor.name !== 'VectorSelector') continue;
    const node = cursor.node;
    const metrics = node.getChildren('Identifier').map((n) => expr.slice(n.from, n.to));
    const matchers = (node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []).map((m) => {
      const [label, op, value] = ['LabelName', 'MatchOp', 'StringLiteral'].map((name) => m.getChild(name)!);
      return {
        label: expr.slice(label.from, label.to),
        op: expr.slice(op.from, op.to),
        value: JSON.parse(expr.slice(value.from, value.to)) as string,
      };
    });
    // {__name__=~"a|b"}: an alternation of metric names.
    for (const m of matchers) if (m.label === '__name__') metrics.push(...m.value.split('|'));
    selectors.push({ metrics, matchers });
  } while (cursor.next());
  return selectors;
}

/** What is wrong with a rule file, one line per finding. */
function problemsOf(yamlText: string, series: Map<string, readonly string[]>, sources: readonly string[]): string[] {
  const problems: string[] = [];
  const doc = parse(yamlText) as { groups?: { name?: string; rules?: Rule[] }[] };
  const seen = new Set<string>();
  for (const group of doc.groups ?? []) {
    for (const rule of group.rules ?? []) {
      const name = rule.alert ?? '(no alert name)';
      if (!rule.alert || seen.has(rule.alert)) problems.push(`${name}: missing or repeated alert name`);
      seen.add(name);
      if (!SEVERITIES.has(rule.labels?.severity ?? '')) problems.push(`${name}: severity must be one of ${[...SEVERITIES].join(', ')}`);
      if (!rule.annotations?.summary) problems.push(`${name}: no summary`);
      const selectors = selectorsOf(rule.expr ?? '');
      if (typeof selectors === 'string') {
        problems.push(`${name}: ${selectors}`);
        continue;
      }
      for (const { metrics, matchers } of selectors) {
        for (const metric of metrics) {
          const labels = series.get(metric);
          if (!labels) {
            problems.push(`${name}: no service registers the metric ${metric}`);
            continue;
          }
          for (const { label, op, value } of matchers) {
            if (TARGET_LABELS.has(label)) continue;
            if (!labels.includes(label)) problems.push(`${name}: ${metric} has no label ${label}`);
            else if (op === '=' && !(metric in EXTERNAL_METRICS) && !sources.some((s) => s.includes(`'${value}'`))) {
              problems.push(`${name}: ${metric}{${label}="${value}"}: the code never sets the value '${value}'`);
            }
          }
        }
      }
    }
  }
  return problems;
}

describe(relative(ROOT, join(ROOT, RULES_FILE)), () => {
  let series: Map<string, readonly string[]>;
  beforeAll(async () => {
    await registerServiceMetrics();
    series = knownSeries();
  });

  it('names only metrics, labels and label values the services have, in valid PromQL', () => {
    const text = readFileSync(join(ROOT, RULES_FILE), 'utf8');
    expect(problemsOf(text, series, SOURCES)).toEqual([]);
    const rules = (parse(text) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(10);
  });

  it('finds a misspelt metric, an unknown label, a value the code never sets and a syntax error', () => {
    const planted = `
groups:
  - name: planted
    rules:
      - alert: Misspelt
        expr: rate(kafka_mesages_consumed_total[5m]) > 0
        labels: { severity: page }
        annotations: { summary: x }
      - alert: UnknownLabel
        expr: rate(outbound_deliveries_total{channel="sms"}[5m]) > 0
        labels: { severity: page }
        annotations: { summary: x }
      - alert: UnknownValue
        expr: rate(outbound_deliveries_total{outcome="vanished"}[5m]) > 0
        labels: { severity: ticket }
        annotations: { summary: x }
      - alert: Broken
        expr: sum by (job (rate(up[5m]))
        labels: { severity: urgent }
`;
    expect(problemsOf(planted, series, SOURCES)).toEqual([
      'Misspelt: no service registers the metric kafka_mesages_consumed_total',
      'UnknownLabel: outbound_deliveries_total has no label channel',
      `UnknownValue: outbound_deliveries_total{outcome="vanished"}: the code never sets the value 'vanished'`,
      'Broken: severity must be one of page, ticket',
      'Broken: no summary',
      expect.stringMatching(/^Broken: PromQL syntax error/),
    ]);
  });
});
