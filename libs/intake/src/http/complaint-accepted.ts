import type { EvidenceCheck } from '@complaints/contracts';
import { ProblemException, problem, validationProblem } from '@complaints/http';
import type { SubmissionResult } from '../complaint-submission';

/** The 202 answer for an accepted complaint, with the promises of the first feedback and the decision. */
export interface ComplaintAccepted {
  reference: string;
  complaintId: string;
  status: 'RECEIVED';
  receivedAt: string;
  attachments: SubmissionResult['attachments'];
  promises: { feedbackWithinHours: number; decisionWithinDays: number };
}

export function complaintAccepted(result: SubmissionResult): ComplaintAccepted {
  return {
    reference: result.reference,
    complaintId: result.complaintId,
    status: 'RECEIVED',
    receivedAt: result.receivedAt,
    attachments: result.attachments,
    promises: { feedbackWithinHours: 48, decisionWithinDays: 15 },
  };
}

/** The problem for refused evidence: 413 attachment-too-large over the limits, else 400 naming the attachment. */
export function evidenceProblem(refused: Extract<EvidenceCheck, { ok: false }>): ProblemException {
  if (refused.tooLarge)
    return new ProblemException(problem(413, 'attachment-too-large', 'An attachment limit was exceeded.', { errors: refused.errors }));
  return validationProblem(refused.errors, 'An attachment was refused.');
}
