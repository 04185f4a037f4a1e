import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchRun, measuredLine } from './bench-run';
import { WECHAT_DEADLINE_MS, WechatIntakeResults, WechatIntakeRun, WechatIntakeSettings } from './wechat-intake.scenario';

/** Results of the "wechat" scenario: bench/results/wechat-intake.{json,md}. */

const MACHINE_NOTE =
  'the load generator (in the bench process), the target under test (a child process), the idle other target, Kafka and PostgreSQL all share this machine';

export async function writeWechatIntakeResults(
  run: BenchRun,
  settings: WechatIntakeSettings,
  results: WechatIntakeResults,
): Promise<string> {
  const table = markdownTable(results.runs);
  const json = {
    scenario: 'wechat-intake',
    timestamp: run.timestamp,
    environment: { ...run.machine, note: MACHINE_NOTE },
    settings: {
      ...settings,
      ...run.infrastructure,
      intakeSocial: `child process: node dist/apps/intake-social/src/main.js (NODE_ENV=development, LOG_LEVEL=warn, SOCIAL_QUIET_WINDOW_SEC=${settings.quietWindowSec}, default DB pool 10, no Weibo poller, no Wechaty bot)`,
      baseline:
        'child process: node dist/bench/baseline-wechat-server.js (Fastify 5: signature check, fast-xml-parser, fixed passive reply; AES in safe mode; no PostgreSQL, no Kafka)',
      loadGenerator:
        'closed loop in the bench process: each worker signs a text message from a new openId (new MsgId), POSTs it with fetch (keep-alive), checks the reply, sends the next',
      bodyBytes: results.bodyBytes,
      wechatDeadlineMs: WECHAT_DEADLINE_MS,
    },
    failed: results.runs.some((r) => r.failed),
    p99WellUnder5s: results.runs.filter((r) => r.target === 'intake-social').every((r) => r.latencyP99Ms < WECHAT_DEADLINE_MS / 5),
    runs: results.runs,
  };
  await mkdir(run.resultsDir, { recursive: true });
  await writeFile(join(run.resultsDir, 'wechat-intake.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(run.resultsDir, 'wechat-intake.md'), markdownReport(run, settings, results, table));
  return table;
}

function markdownTable(runs: WechatIntakeRun[]): string {
  const header = [
    '| target | mode | connections | replies/s | % of baseline | p50 ms | p90 ms | p99 ms | max ms | p99 < 5 s | invalid / failed | published to Kafka |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  const rows = runs.map((run) => {
    const baseline = runs.find((r) => r.target === 'baseline' && r.mode === run.mode && r.concurrency === run.concurrency);
    const share =
      baseline && baseline.succeededPerSec > 0 ? `${Math.round((100 * run.succeededPerSec) / baseline.succeededPerSec)} %` : '-';
    const flag = run.failed ? ' **FAILED**' : '';
    const notOk = `${run.invalidReplies} / ${run.attempts - run.succeeded - run.invalidReplies}`;
    const published =
      run.kafkaRecords === null
        ? '-'
        : `${run.kafkaRecords}${run.publishedWithinSec === null ? ' (not all)' : ` (${run.publishedWithinSec} s)`}`;
    return `| ${run.target}${flag} | ${run.mode} | ${run.concurrency} | ${run.succeededPerSec} | ${share} | ${run.latencyP50Ms} | ${run.latencyP90Ms} | ${run.latencyP99Ms} | ${run.latencyMaxMs} | ${run.p99Under5s ? 'yes' : '**no**'} | ${notOk} | ${published} |`;
  });
  return [...header, ...rows].join('\n');
}

function verdict(runs: WechatIntakeRun[]): string {
  const service = runs.filter((r) => r.target === 'intake-social');
  if (service.length === 0) return '';
  const worst = service.reduce((a, b) => (b.latencyP99Ms > a.latencyP99Ms ? b : a));
  const wellUnder = worst.latencyP99Ms < WECHAT_DEADLINE_MS / 5;
  return (
    `**Verdict:** the worst intake-social p99 was ${worst.latencyP99Ms} ms (${worst.mode}, ${worst.concurrency} connections, max ${worst.latencyMaxMs} ms): ` +
    (wellUnder
      ? `well under WeChat's 5 s (below 1 s at every level measured).`
      : worst.latencyP99Ms < WECHAT_DEADLINE_MS
        ? 'under 5 s, but not by a wide margin.'
        : '**over 5 s**: WeChat would retry or drop these replies.')
  );
}

function markdownReport(run: BenchRun, settings: WechatIntakeSettings, results: WechatIntakeResults, table: string): string {
  return [
    '# WeChat passive-reply benchmark',
    '',
    measuredLine(run),
    `${settings.durationSec} s per run after ${settings.warmupSec} s of warm-up per target and mode; closed loop, one request in flight per connection, every message from a new customer.`,
    `Note: ${MACHINE_NOTE}, so the figures are relative (intake-social vs baseline), not capacity numbers.`,
    '',
    verdict(results.runs),
    '',
    table,
    '',
    '- **baseline**: bare Fastify (child process): checks the signature (and msg_signature, AES decrypt in safe mode), parses the XML with fast-xml-parser, answers a fixed text reply with a fresh reference; no PostgreSQL, no Kafka.',
    `- **intake-social**: the real service (\`dist/apps/intake-social/src/main.js\`, child process): signature and timestamp check, XML validation, AES in safe mode, masking, the customer's conversation and reference in PostgreSQL, then the reply. Its relay publishes each complaint to \`complaints.received.v1\` ${settings.quietWindowSec} s after the message (SOCIAL_QUIET_WINDOW_SEC), i.e. during the run.`,
    '- **plaintext**: `POST /v1/wechat/callback?signature&timestamp&nonce` with the message XML; **aes**: safe mode (`encrypt_type=aes`, `msg_signature`), message and reply encrypted.',
    '- replies/s = valid passive replies per second; p50/p90/p99/max = their latency. A reply is valid when it is XML (in safe mode: a correctly signed envelope that decrypts) addressed to the sender, of MsgType text, whose Content carries a reference.',
    '- invalid / failed = 200 answers that were not a valid reply / other statuses and requests without an answer (10 s timeout); both should be 0.',
    "- published to Kafka = complaints the relay published for the run's messages, and how long after the run the last one was (should equal the valid replies). " +
      'The relay publishes at most 100 conversations per SOCIAL_PUBLISH_POLL_MS (1 s), so when the service replies faster than that, publication falls behind during the run and catches up afterwards.',
    `- Request bodies: ${results.bodyBytes.plaintext} bytes (plaintext), ${results.bodyBytes.aes} bytes (aes).`,
    '',
  ].join('\n');
}
