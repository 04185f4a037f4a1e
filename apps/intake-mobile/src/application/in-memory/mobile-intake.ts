import { randomBytes } from 'node:crypto';
import { checkEvidence, Evidence } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security';
import { MobileSubmission } from '../../domain/mobile-submission';
import { SubmitComplaintUseCase } from '../submit-complaint/submit-complaint.use-case';
import { InMemoryComplaintViewStore } from './in-memory-complaint-view.store';
import { InMemoryReceivedComplaintPublisher } from '@complaints/intake/testing';
import { InMemorySubmissionStore } from './in-memory-submission.store';

export const cipher = new PiiCipher({ k1: randomBytes(32) }, 'k1');

export const submission = (text = '信用卡年费被重复收取'): MobileSubmission => ({ text, product: 'CREDIT_CARD' });

/** A checked PNG evidence file. */
export function pngEvidence(fileName = 'receipt.png'): Evidence {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(24)]);
  const check = checkEvidence([{ data: png.toString('base64'), contentType: 'image/png', fileName }], { maxCount: 3, maxBytes: 1_000 });
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  return check.evidence[0];
}

/** The app intake on in-memory ports, with a clock the test moves, and a way to file a customer's complaint. */
export function mobileIntake() {
  const clock = { now: new Date('2026-12-01T08:00:00.000Z') };
  const now = () => clock.now;
  const submissions = new InMemorySubmissionStore();
  const complaints = new InMemoryReceivedComplaintPublisher();
  const view = new InMemoryComplaintViewStore(submissions);
  const submit = new SubmitComplaintUseCase(submissions, complaints, cipher, now);
  const file = (customerId: string, idempotencyKey: string, evidence: Evidence[] = []) =>
    submit.execute({ customerId, idempotencyKey, submission: submission(), evidence, correlationId: 'corr-file' });
  return { clock, now, submissions, complaints, view, submit, file };
}
