import { randomBytes } from 'node:crypto';
import { PiiCipher } from '@complaints/security';
import { GuessLimitPolicy } from '../../domain/guess-limit';
import { LookUpComplaintQuery } from '../follow-complaint/look-up-complaint.query';
import { SubmitComplaintUseCase } from '../submit-complaint/submit-complaint.use-case';
import { InMemoryCaseProgressStore } from './in-memory-case-progress.store';
import { InMemoryReceivedComplaintPublisher } from '@complaints/intake/testing';
import { InMemoryReferenceGuesses } from './in-memory-reference-guesses';
import { InMemorySubmissionStore } from './in-memory-submission.store';

/** The web intake's follow-up side on in-memory ports, with a clock the test moves, and a way to file complaints. */
export function webIntake(policy: GuessLimitPolicy = { maxWrongAttempts: 3, lockMs: 15 * 60_000 }) {
  const clock = { now: new Date('2026-12-01T08:00:00.000Z') };
  const now = () => clock.now;
  const submissions = new InMemorySubmissionStore();
  const progress = new InMemoryCaseProgressStore();
  const guesses = new InMemoryReferenceGuesses(policy, now);
  const complaints = new InMemoryReceivedComplaintPublisher();
  const cipher = new PiiCipher({ k1: randomBytes(32) }, 'k1');
  const submit = new SubmitComplaintUseCase(submissions, complaints, cipher, now);
  const lookUp = new LookUpComplaintQuery(submissions, progress, guesses);
  /** Files a web complaint whose phone ends in `phoneLast4`. */
  const file = (phoneLast4: string) =>
    submit.execute({
      submission: { text: '转账失败但钱被扣了', customer: { name: '李华', phone: `1390000${phoneLast4}` }, consent: true },
      correlationId: 'corr-file',
    });
  return { clock, submissions, progress, guesses, lookUp, file };
}
