import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { StaffPrincipal } from '@complaints/security';
import { staffActor } from '../../application/act-on-case/act-on-case.use-case';
import { availableActions } from '../../application/act-on-case/available-actions';
import { Clock } from '../../application/clock';
import type { Case, TimelineEntry } from '../../domain/case';
import { caseDetailView } from './case.view';
import { EvidenceLinks } from './evidence-links';

/**
 * One case as a member of staff gets it (GET /v1/cases/{reference} and every action's answer): the
 * actions they may take now and freshly signed evidence links, with a log line naming who got links.
 */
@Injectable()
export class CaseDetailPresenter {
  constructor(
    private readonly clock: Clock,
    private readonly evidenceLinks: EvidenceLinks,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(CaseDetailPresenter.name);
  }

  present(staff: StaffPrincipal, found: { case: Case; timeline: TimelineEntry[] }) {
    const now = this.clock.now();
    const c = found.case;
    const links = this.evidenceLinks.issue(c, now);
    if (links) {
      this.logger.info(
        {
          staff: staff.id,
          roles: staff.roles,
          reference: c.reference,
          complaintId: c.complaintId,
          attachments: [...links.urls.keys()],
          expiresAt: links.expiresAt.toISOString(),
        },
        'evidence links issued',
      );
    }
    return caseDetailView(c, found.timeline, now, availableActions(c, staffActor(staff), now), links?.urls);
  }
}
