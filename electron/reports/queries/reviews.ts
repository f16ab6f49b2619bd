// 述职评议表 and 表彰台账 data: the records of the scope's orgs for the period's year.
import { COMMENDATION_KIND_LABELS, COMMENDATION_LEVEL_LABELS } from '../../../shared/domain/commendation';
import type { CommendationsData } from '../../../shared/reports/registers/commendations';
import type { SecretaryReviewData } from '../../../shared/reports/registers/secretary-review';
import { commendedName, listCommendations } from '../../ledger/commendations';
import type { Ledger } from '../../ledger/ledger';
import { listSecretaryReviews } from '../../ledger/secretary-reviews';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

export function secretaryReviewData(ledger: Ledger, scope: Scope, opts: QueryOptions): SecretaryReviewData {
  const rows = listSecretaryReviews(ledger, scope.year, { orgIds: scope.orgIds });
  return {
    ...headerFor(scope, opts),
    year: scope.year,
    orgs: rows.map(({ org, secretary, review: r }) => ({
      org, secretary: r?.secretary ?? (r ? null : secretary), reportedOn: r?.reportedOn ?? null, attendees: r?.attendees ?? null,
      report: r?.attachments.map((a) => a.fileName).join('、') || null, members: r?.members ?? null, residents: r?.residents ?? null, note: r?.note ?? null,
    })),
  };
}

export function commendationsData(ledger: Ledger, scope: Scope, opts: QueryOptions): CommendationsData {
  const list = listCommendations(ledger, { year: scope.year, orgId: scope.root.id }).filter((c) => scope.orgIds.has(c.orgId));
  return {
    ...headerFor(scope, opts),
    year: scope.year,
    commendations: list.map((c) => ({
      kind: COMMENDATION_KIND_LABELS[c.kind], name: c.kind === 'household' ? `${c.householdName}家` : commendedName(c), householdAddress: c.householdAddress,
      org: c.org, title: c.title, level: COMMENDATION_LEVEL_LABELS[c.level], issuer: c.issuer, docNumber: c.docNumber, awardedOn: c.awardedOn, note: c.note,
    })),
  };
}
