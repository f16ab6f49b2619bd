// One meeting's record (会议记录) printed from its own page: the meeting-pages register's model for
// that activity alone, so it prints exactly as it does in the binder.
import { LedgerError } from '../../shared/errors';
import { buildMeetingPages } from '../../shared/reports/registers/meetings';
import { getActivity } from '../ledger/activities';
import type { Ledger } from '../ledger/ledger';
import { meetingPage } from './queries/activities';
import type { QueryOptions } from './queries/options';
import { renderPdf } from './render';
import { headerFor, resolveScope } from './scope';

export async function activityRecordPdf(ledger: Ledger, id: number, opts: QueryOptions = {}): Promise<{ fileName: string; data: Uint8Array; title: string }> {
  const d = getActivity(ledger, id);
  if (d.voidedAt) throw new LedgerError('ACTIVITY_VOIDED', '这条活动记录已作废，不能打印。');
  const scope = resolveScope(ledger, { orgId: d.orgId, includeDescendants: false }, { from: d.date, to: d.date });
  const doc = buildMeetingPages({ ...headerFor(scope, opts), meetings: [meetingPage(d)] });
  const { bytes } = await renderPdf(doc);
  const title = `${d.orgName}${d.date}${d.typeLabel}记录`;
  return { fileName: `${title}.pdf`, data: new Uint8Array(bytes), title };
}
