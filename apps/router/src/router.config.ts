import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';

export class RouterConfig extends DatabaseServiceConfig {
  @IsInt() @Min(0) @Max(65_535)
  ROUTER_PORT: number = 3005;

  /** Below this confidence on both product and reason, a complaint goes to human triage. */
  @IsNumber() @Min(0) @Max(1)
  ROUTING_TRIAGE_THRESHOLD: number = 0.35;
}
