import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * Fields every event carries (docs/ARCHITECTURE.md, Topics). `correlationId` follows one complaint across services;
 * `causationId` is the `eventId` of the event that caused this one (null for the first).
 */
export abstract class EventEnvelope {
  @IsUUID()
  eventId: string;

  @IsString()
  @IsNotEmpty()
  eventType: string;

  @IsInt()
  @IsIn([1])
  eventVersion: 1;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationId: string;

  @IsOptional()
  @IsUUID()
  causationId: string | null;

  /** The service that produced the event, e.g. `intake-web`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  source: string;
}
