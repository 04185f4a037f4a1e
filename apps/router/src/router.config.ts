import { IsInt, IsNotEmpty, IsNumber, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { StaffApiServiceConfig } from '@complaints/config';

export class RouterConfig extends StaffApiServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  ROUTER_PORT: number = 3005;

  /** Below this confidence on both product and reason, a complaint goes to human triage. */
  @IsNumber()
  @Min(0)
  @Max(1)
  ROUTING_TRIAGE_THRESHOLD: number = 0.35;

  /**
   * How often each router process checks for a new active rule set. Changes are notified at once
   * (LISTEN): the poll only catches a notification missed while the listening connection was down.
   */
  @IsInt()
  @Min(100)
  @Max(600_000)
  ROUTING_RULES_POLL_MS: number = 30_000;

  /** A complaint by the same customer on the same product and reason within this many days is a repeat. */
  @IsInt()
  @Min(0)
  @Max(3_650)
  ROUTING_REPEAT_WINDOW_DAYS: number = 30;

  /** At most this many complaints (of the partitions one fetch brought) are routed together (one transaction, one publish). */
  @IsInt()
  @Min(1)
  @Max(5_000)
  ROUTING_BATCH_SIZE: number = 500;

  /**
   * After a batch, wait this long before fetching again, so the next batch brings the complaints of every
   * partition that arrived meanwhile (one transaction for them all): up to this much latency per
   * complaint for far fewer transactions and commits under load; nothing when idle. 0: fetch at once.
   */
  @IsInt()
  @Min(0)
  @Max(1_000)
  ROUTING_LINGER_MS: number = 50;

  /**
   * How often the outbox relay looks for unpublished handler reassignments; 0 turns polling off. It
   * also runs right after each handler change, so the poll only catches a pass that failed (Kafka
   * down) or a process that stopped between the commit and the publish: an idle router need not ask often.
   */
  @IsInt()
  @Min(0)
  @Max(600_000)
  ROUTER_OUTBOX_POLL_MS: number = 10_000;

  /** Published reassignments are kept this long in the outbox (for inspection), then deleted. */
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  ROUTER_OUTBOX_RETENTION_HOURS: number = 168;

  /** HMAC key of customer identity fingerprints (repeat complaints): no phone or id is stored, only these. */
  @IsString()
  @MinLength(16)
  ROUTING_FINGERPRINT_KEY: string;

  /** Keys that open sealed personal data (the phone, for fingerprints): `<keyId>:<base64 32 bytes>`, comma-separated. */
  @IsString()
  @IsNotEmpty()
  PII_KEYS: string;

  @IsString()
  @IsNotEmpty()
  PII_ACTIVE_KEY_ID: string;

  /** Origins of web pages allowed to call the admin API (CORS): the staff console served by cases. Comma-separated. */
  @Matches(/^(https?:\/\/[^,\s/]+)?(,https?:\/\/[^,\s/]+)*$/, {
    message: 'ROUTER_CORS_ORIGINS must be comma-separated origins like http://127.0.0.1:3006',
  })
  ROUTER_CORS_ORIGINS: string = 'http://127.0.0.1:3006,http://localhost:3006';

  get corsOrigins(): string[] {
    return this.ROUTER_CORS_ORIGINS.split(',').filter(Boolean);
  }
}
