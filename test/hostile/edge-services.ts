import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Topics } from '@complaints/contracts';
import { signPayload } from '@complaints/security';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from '../../apps/intake-hotline/src/intake-hotline.module';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { notifierHttpOptions } from '../../apps/notifier/src/sms-surveys.providers';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

/** The secrets the edge suites sign with. */
export const HOTLINE = { id: 'cc-edge', secret: 'edge-hotline-secret-0123456789abcdef' };
export const SMS = { id: 'sms-edge', secret: 'edge-sms-secret-0123456789abcdef0123' };
export const METRICS_TOKEN = 'edge-metrics-token-0123456789abcdef0123';

export type ServiceName = 'web' | 'mobile' | 'hotline' | 'notifier' | 'cases' | 'router' | 'analytics' | 'social';

export interface Reply {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  body: Record<string, any>;
  elapsedMs: number;
}

export interface Request {
  method?: string;
  path: string;
  /** A JSON value (serialised) or raw text sent as is. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** Signs the raw body as the call centre (hotline) or SMS gateway (notifier) does. */
  signed?: boolean;
}

/**
 * The services an edge suite sends requests to, booted in-process against the real broker and
 * database, with the means to tell that a refused request stored and published nothing.
 */
export class EdgeServices {
  readonly urls = {} as Record<ServiceName, string>;
  private readonly apps: RunningApp[] = [];
  private readonly readers: TopicReader[] = [];
  db: Client;

  static async start(names: ServiceName[]): Promise<EdgeServices> {
    const services = new EdgeServices();
    services.db = new Client({ connectionString: process.env.DATABASE_URL });
    await services.db.connect();
    for (const name of names) {
      const app = await boot(name);
      services.apps.push(app);
      services.urls[name] = app.url;
    }
    for (const topic of [Topics.complaintReceivedV1, Topics.customerResponsesV1]) services.readers.push(await TopicReader.open(topic));
    return services;
  }

  async close(): Promise<void> {
    await Promise.all([...this.apps.map((app) => app.close()), ...this.readers.map((reader) => reader.close()), this.db?.end()]);
  }

  async send(service: ServiceName, request: Request): Promise<Reply> {
    const raw = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const headers: Record<string, string> = { ...(raw === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers };
    if (request.signed) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const [idHeader, id, secret] =
        service === 'hotline' ? ['x-callcenter-id', HOTLINE.id, HOTLINE.secret] : ['x-gateway-id', SMS.id, SMS.secret];
      Object.assign(headers, { [idHeader]: id, 'x-timestamp': timestamp, 'x-signature': signPayload(secret, timestamp, raw ?? '') });
    }
    const started = performance.now();
    const res = await fetch(`${this.urls[service]}${request.path}`, {
      method: request.method ?? (raw === undefined ? 'GET' : 'POST'),
      headers,
      body: raw,
    });
    const text = await res.text();
    const elapsedMs = performance.now() - started;
    let body: Record<string, any>;
    try {
      body = text ? (JSON.parse(text) as Record<string, any>) : {};
    } catch {
      body = {};
    }
    return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, text, body, elapsedMs };
  }

  /** Rows of the tables a request at the edges could write (intakes' submissions, ratings, calls, replies; router admin). */
  async storedRows(): Promise<Record<string, number>> {
    const tables = [
      'intake_web.submissions',
      'intake_web.attachments',
      'intake_mobile.submissions',
      'intake_mobile.attachments',
      'intake_mobile.ratings',
      'intake_hotline.calls',
      'notifier.sms_replies',
      'intake_social.messages',
      'routing.rule_set_versions',
      'routing.handlers',
    ];
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`).catch(() => ({ rows: [{ n: '-1' }] }));
      counts[table] = Number(rows[0].n);
    }
    return counts;
  }

  /** Messages on the topics an edge publishes to whose JSON holds `marker`. */
  published(marker: string): number {
    return this.readers.reduce((n, reader) => n + reader.messages.filter((m) => m.text.includes(marker)).length, 0);
  }
}

async function boot(name: ServiceName): Promise<RunningApp> {
  const common = { METRICS_TOKEN };
  switch (name) {
    case 'web':
      return startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { ...common, INTAKE_RATE_LIMIT_PER_MIN: '0' })), {
        bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
      });
    case 'mobile': {
      const config = testConfig(IntakeMobileConfig, { ...common, MOBILE_RATE_LIMIT_PER_MIN: '0' });
      return startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
    }
    case 'hotline': {
      const config = testConfig(IntakeHotlineConfig, { ...common, HOTLINE_SECRETS: `${HOTLINE.id}:${HOTLINE.secret}` });
      return startApp(IntakeHotlineModule.register(config), intakeHotlineHttpOptions(config));
    }
    case 'notifier':
      return startApp(
        NotifierModule.register(testConfig(NotifierConfig, { ...common, SMS_INBOUND_SECRETS: `${SMS.id}:${SMS.secret}` })),
        notifierHttpOptions(),
      );
    case 'cases':
      return startApp(CasesModule.register(testConfig(CasesConfig, { ...common, CASES_SLA_WATCH_INTERVAL_MS: '0' })));
    case 'router':
      return startApp(RouterModule.register(testConfig(RouterConfig, common)));
    case 'analytics':
      return startApp(AnalyticsModule.register(testConfig(AnalyticsConfig, common)));
    case 'social': {
      const config = testConfig(IntakeSocialConfig, { ...common, WEIBO_POLL_INTERVAL_MS: '3600000' });
      return startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config));
    }
  }
}

/** A string no other request holds, to find what a request stored or published. */
export function marker(): string {
  return `edge-${randomUUID()}`;
}

/** `[[[...]]]` nested `depth` times. */
export function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** `{"a":{"a":...}}` nested `depth` times. */
export function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
