import { Type } from 'class-transformer';
import { Equals, IsObject, ValidateNested } from 'class-validator';
import { ComplaintV1 } from './complaint.v1';
import { EventEnvelope } from './event-envelope';
import { Topics } from './topics';

/** `complaints.received.v1`: a complaint as an intake accepted it. Published versions never change. */
export class ComplaintReceivedV1 extends EventEnvelope {
  static readonly topic = Topics.complaintReceivedV1;
  static readonly type = 'complaint.received';

  @Equals(ComplaintReceivedV1.type)
  override eventType: typeof ComplaintReceivedV1.type;

  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintV1)
  complaint: ComplaintV1;
}
