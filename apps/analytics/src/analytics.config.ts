import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { StaffApiServiceConfig } from '@complaints/config';
import { SEND_TIME_PATTERN } from './domain/bulletin/bulletin-schedule';
import { SCORECARD_TARGETS_PATTERN } from './domain/scorecard/scorecard-targets';

export class AnalyticsConfig extends StaffApiServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  ANALYTICS_PORT: number = 3008;

  /** The consumer group of the read model's three consumers (`npm run analytics:rebuild` uses a fresh one of its own). */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/)
  @MaxLength(200)
  ANALYTICS_CONSUMER_GROUP: string = 'analytics';

  /**
   * At most this many events (of the partitions one fetch brought) are applied together (one transaction, each touched
   * complaint folded once). A batch holds one advisory lock per complaint it touches, from PostgreSQL's
   * shared lock table (max_locks_per_transaction x max_connections = 6400 slots by default).
   */
  @IsInt()
  @Min(1)
  @Max(2_000)
  ANALYTICS_BATCH_SIZE: number = 500;

  /**
   * How long a batch may wait for others before it is applied, in ms: batches of the three topics'
   * consumers handed over within this time (or while a write is under way) are applied in one
   * transaction, with one upsert per rollup row, and more events gather per batch meanwhile; none
   * waits once ANALYTICS_BATCH_SIZE events do. Under a steady stream this roughly halves the
   * service's CPU per event and cuts PostgreSQL's by more. The read model lags by up to about six
   * times this (a consumer's partitions take turns, each batch waiting), so a complaint's events on
   * different topics are more often applied out of publishing order (the facts come out the same).
   * 0: only batches handed over while a write is under way are joined.
   */
  @IsInt()
  @Min(0)
  @Max(5_000)
  ANALYTICS_WRITE_LINGER_MS: number = 100;

  /** The longest period one KPI query may cover, in days. */
  @IsInt()
  @Min(1)
  @Max(3_660)
  ANALYTICS_MAX_RANGE_DAYS: number = 1_100;

  /**
   * Origins whose pages may read the public transparency report (`GET /v1/transparency`) across
   * origins, comma-separated; nothing else of the service is readable cross-origin. Default: the
   * customer site served by intake-web in development.
   */
  @Matches(/^(https?:\/\/[^\s,/]+)(,https?:\/\/[^\s,/]+)*$|^$/, {
    message:
      'ANALYTICS_PUBLIC_CORS_ORIGINS must be a comma-separated list of origins such as https://www.example.com (no path, no trailing slash)',
  })
  ANALYTICS_PUBLIC_CORS_ORIGINS: string = 'http://127.0.0.1:3001,http://localhost:3001';

  /**
   * Origins of the staff console, whose dashboard calls the staff API (KPIs, series, hot spots) from the
   * browser with a bearer token (CORS), comma-separated. Default: the console served by cases in development.
   */
  @Matches(/^(https?:\/\/[^\s,/]+)(,https?:\/\/[^\s,/]+)*$|^$/, {
    message:
      'ANALYTICS_CORS_ORIGINS must be a comma-separated list of origins such as https://console.example.com (no path, no trailing slash)',
  })
  ANALYTICS_CORS_ORIGINS: string = 'http://127.0.0.1:3006,http://localhost:3006';

  /** How often emerging terms are evaluated (and a closed spike bucket noticed), in ms; 0 turns the scheduler off (tests trigger the use case). */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  ANALYTICS_TERM_TICK_MS: number = 60_000;

  /** The spike bucket, in ms: spikes of each dimension are evaluated as one closes (hourly by default). */
  @IsInt()
  @Min(60_000)
  @Max(86_400_000)
  ANALYTICS_SPIKE_BUCKET_MS: number = 3_600_000;

  /**
   * Scorecard targets overriding the defaults (apps/analytics/KPIS.md): `measure=target/watch` pairs,
   * comma-separated, e.g. `firstFeedbackWithin48h=0.98/0.95,satisfactionMean=4.2/3.8`. Empty: the defaults.
   */
  @Matches(SCORECARD_TARGETS_PATTERN, {
    message: 'ANALYTICS_SCORECARD_TARGETS must be measure=target/watch pairs, e.g. firstFeedbackWithin48h=0.98/0.95',
  })
  ANALYTICS_SCORECARD_TARGETS: string = '';

  /** When the weekly staff bulletin of the last complete week goes out, Asia/Shanghai: a weekday and a time. */
  @Matches(SEND_TIME_PATTERN, { message: 'ANALYTICS_BULLETIN_SEND_AT must be a weekday and a time, e.g. Mon 09:00' })
  ANALYTICS_BULLETIN_SEND_AT: string = 'Mon 09:00';

  /** How often the bulletin scheduler looks at the clock, in ms; 0 turns it off (tests trigger the use case). */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  ANALYTICS_BULLETIN_TICK_MS: number = 60_000;
}
