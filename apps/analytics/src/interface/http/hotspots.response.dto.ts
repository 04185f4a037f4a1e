import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredAlert } from '../../application/hotspots/alert-store';

/** One raised alert as GET /v1/hotspots shows it (the same fields as the event on `analytics.alerts.v1`). */
export class HotspotAlertDto {
  @ApiProperty({ format: 'uuid', description: 'The alert id (the eventId of its analytics.alerts.v1 event)' }) id: string;
  @ApiProperty({ enum: ['spike', 'term'] }) kind: 'spike' | 'term';
  @ApiProperty({ example: 'term:某某理财', description: 'What the alert is about, stable while it stays hot' }) key: string;
  @ApiProperty({ enum: ['new', 'grown'], description: 'new, or raised again because its count at least doubled' }) raise: 'new' | 'grown';
  @ApiPropertyOptional({ enum: ['product-reason', 'department', 'channel', 'branch'], description: 'Spikes only' }) dimension?: string;
  @ApiProperty({ example: '某某理财', description: 'The term, or the spike subject (PRODUCT/REASON, a department, a channel, a branch)' })
  subject: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the window (a term: its first complaint in the window)' }) since: string;
  @ApiProperty({ format: 'date-time', description: 'End of the window' }) until: string;
  @ApiProperty({ description: 'Complaints in the window' }) observed: number;
  @ApiProperty({ description: 'Complaints the baseline leads one to expect in such a window' }) expected: number;
  @ApiProperty() ratio: number;
  @ApiProperty({ description: 'One-sided p-value against the baseline' }) pValue: number;
  @ApiProperty({ description: 'The corrected level it was below' }) threshold: number;
  @ApiProperty({ type: [String], description: "References of some of the window's complaints, most recent first" }) samples: string[];
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty({ description: 'Whether Kafka has acknowledged it on analytics.alerts.v1' }) published: boolean;

  static of(a: StoredAlert): HotspotAlertDto {
    return {
      id: a.alertId,
      kind: a.kind,
      key: a.key,
      raise: a.raise,
      ...(a.kind === 'spike' ? { dimension: a.dimension } : {}),
      subject: a.subject,
      since: a.since.toISOString(),
      until: a.until.toISOString(),
      observed: a.observed,
      expected: a.expected,
      ratio: a.ratio,
      pValue: a.pValue,
      threshold: a.threshold,
      samples: a.samples,
      raisedAt: a.raisedAt.toISOString(),
      published: !!a.publishedAt,
    };
  }
}

export class HotspotsResponseDto {
  @ApiProperty({ type: [HotspotAlertDto] }) alerts: HotspotAlertDto[];
}
