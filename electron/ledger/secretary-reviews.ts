// 述职评议: per org and year, the secretary's report on Party work (date, who reported, who
// attended, the report as an attachment) and the ratings from members and from residents'
// representatives. One live record per org and year; a wrong one is voided with a reason.
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { nowIso, today as todayIso } from '../../shared/dates';
import { isBranchType } from '../../shared/domain/org';
import { RATERS, RATER_LABELS, type Rater, type Tally, tallyWords } from '../../shared/domain/secretary-review';
import { SecretaryReviewSaveSchema, type OwnedAttachmentSchema, type SecretaryReview, type SecretaryReviewRow } from '../../shared/api/secretary-reviews';
import type { AttachmentMeta } from '../../shared/api/activities';
import type { Ledger } from './ledger';
import { ownedAttachments, storeAttachment } from './attachments';
import { type OrgRow, getOrg, listOrgs } from './orgs';
import { all, mustFind, one, run } from './sql';
import { treeOrder } from '../reports/scope';

type Raw = {
  id: number; orgId: number; year: number; secretary: string | null; reportedOn: string | null; attendees: string | null; note: string | null;
  membersGood: number | null; membersFair: number | null; membersAverage: number | null; membersPoor: number | null;
  residentsGood: number | null; residentsFair: number | null; residentsAverage: number | null; residentsPoor: number | null;
};

const COLUMNS = `id, org_id AS orgId, year, secretary, reported_on AS reportedOn, attendees, note,
  members_good AS membersGood, members_fair AS membersFair, members_average AS membersAverage, members_poor AS membersPoor,
  residents_good AS residentsGood, residents_fair AS residentsFair, residents_average AS residentsAverage, residents_poor AS residentsPoor`;

function tallyOf(r: Raw, who: Rater): Tally | null {
  const t = who === 'members'
    ? { good: r.membersGood, fair: r.membersFair, average: r.membersAverage, poor: r.membersPoor }
    : { good: r.residentsGood, fair: r.residentsFair, average: r.residentsAverage, poor: r.residentsPoor };
  if (t.good === null && t.fair === null && t.average === null && t.poor === null) return null;
  return { good: t.good ?? 0, fair: t.fair ?? 0, average: t.average ?? 0, poor: t.poor ?? 0 };
}

function toReview(r: Raw, attachments: AttachmentMeta[]): SecretaryReview {
  return {
    id: r.id, orgId: r.orgId, year: r.year, secretary: r.secretary, reportedOn: r.reportedOn, attendees: r.attendees, note: r.note,
    members: tallyOf(r, 'members'), residents: tallyOf(r, 'residents'), attachments,
  };
}

/** An org whose secretary reports yearly: every 党委, 总支 and 支部 (not the street committee, not a 党小组). */
export function reportsYearly(o: OrgRow, year: number): boolean {
  const alive = (!o.foundedOn || o.foundedOn <= `${year}-12-31`) && (!o.dissolvedOn || o.dissolvedOn >= `${year}-01-01`);
  return alive && (o.type === 'partyCommittee' || o.type === 'generalBranch' || isBranchType(o.type));
}

/** The live record of an org's year, or null. */
export function secretaryReviewOf(ledger: Ledger, orgId: number, year: number): SecretaryReview | null {
  const r = one<Raw>(ledger, `SELECT ${COLUMNS} FROM secretary_reviews WHERE org_id = ? AND year = ? AND voided_at IS NULL`, orgId, year);
  return r ? toReview(r, ownedAttachments(ledger, 'secretaryReview', [r.id]).get(r.id) ?? []) : null;
}

function currentSecretary(ledger: Ledger, orgId: number): string | null {
  return one<{ name: string }>(ledger, "SELECT person_name AS name FROM org_roles WHERE org_id = ? AND role = 'secretary' AND to_date IS NULL ORDER BY id DESC LIMIT 1", orgId)?.name ?? null;
}

/** Every org that reports in the year, in tree order, with its record (or null). */
export function listSecretaryReviews(ledger: Ledger, year: number, opts: { orgIds?: ReadonlySet<number> } = {}): SecretaryReviewRow[] {
  const orgs = treeOrder(listOrgs(ledger, { includeDissolved: true })).filter((o) => reportsYearly(o, year) && (!opts.orgIds || opts.orgIds.has(o.id)));
  const raws = all<Raw>(ledger, `SELECT ${COLUMNS} FROM secretary_reviews WHERE year = ? AND voided_at IS NULL`, year);
  const files = ownedAttachments(ledger, 'secretaryReview', raws.map((r) => r.id));
  const byOrg = new Map(raws.map((r) => [r.orgId, toReview(r, files.get(r.id) ?? [])]));
  return orgs.map((o) => ({ orgId: o.id, org: o.name, type: o.type, parentId: o.parentId, secretary: currentSecretary(ledger, o.id), review: byOrg.get(o.id) ?? null }));
}

/** Records or corrects the org's 述职评议 of the year (one live record per org and year). */
export function saveSecretaryReview(ledger: Ledger, raw: z.input<typeof SecretaryReviewSaveSchema>, opts: { today?: string } = {}): SecretaryReview {
  const input = SecretaryReviewSaveSchema.parse(raw);
  const today = opts.today ?? todayIso();
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    if (!reportsYearly(org, input.year)) throw new LedgerError('INVALID_INPUT', `“${org.name}”在 ${input.year} 年不需要书记述职评议（只有党委、党总支和党支部述职）。`);
    if (input.reportedOn && input.reportedOn > today) throw new LedgerError('INVALID_DATE', `述职日期 ${input.reportedOn} 晚于今天，请核对。`);
    if (input.reportedOn && Math.abs(Number(input.reportedOn.slice(0, 4)) - input.year) > 1) {
      throw new LedgerError('INVALID_DATE', `述职日期 ${input.reportedOn} 与述职年度 ${input.year} 相差太远，请核对（年度述职一般在当年年底或次年年初）。`);
    }
    const t = (who: Rater, k: keyof Tally) => input[who]?.[k] ?? null;
    const values = [
      input.secretary, input.reportedOn, input.attendees, input.note,
      t('members', 'good'), t('members', 'fair'), t('members', 'average'), t('members', 'poor'),
      t('residents', 'good'), t('residents', 'fair'), t('residents', 'average'), t('residents', 'poor'),
    ];
    const before = secretaryReviewOf(ledger, org.id, input.year);
    const at = nowIso();
    const tallies = RATERS.filter((w) => input[w]).map((w) => `${RATER_LABELS[w]} ${tallyWords(input[w]!)}`).join('；');
    const what = `${input.reportedOn ? `述职 ${input.reportedOn}` : '未述职'}${tallies ? `，${tallies}` : ''}`;
    if (before) {
      ledger.db.prepare(`UPDATE secretary_reviews SET secretary = ?, reported_on = ?, attendees = ?, note = ?,
        members_good = ?, members_fair = ?, members_average = ?, members_poor = ?,
        residents_good = ?, residents_fair = ?, residents_average = ?, residents_poor = ?, updated_at = ? WHERE id = ?`).run(...values, at, before.id);
      const { attachments: _a, ...b } = before;
      ledger.audit({ action: 'update', entity: 'secretaryReview', entityId: before.id, summary: `修改“${org.name}”${input.year} 年度书记述职评议：${what}`, before: b, after: input });
      return secretaryReviewOf(ledger, org.id, input.year)!;
    }
    const id = run(ledger, `INSERT INTO secretary_reviews (secretary, reported_on, attendees, note,
      members_good, members_fair, members_average, members_poor, residents_good, residents_fair, residents_average, residents_poor,
      org_id, year, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, ...values, org.id, input.year, at, at);
    ledger.audit({ action: 'create', entity: 'secretaryReview', entityId: id, summary: `登记“${org.name}”${input.year} 年度书记述职评议：${what}`, after: input });
    return secretaryReviewOf(ledger, org.id, input.year)!;
  });
}

export function voidSecretaryReview(ledger: Ledger, id: number, reason: string): void {
  ledger.tx(() => {
    const r = mustFind(one<{ orgId: number; year: number; voidedAt: string | null }>(ledger, 'SELECT org_id AS orgId, year, voided_at AS voidedAt FROM secretary_reviews WHERE id = ?', id), '这条述职评议记录');
    if (r.voidedAt) throw new LedgerError('VOIDED', '这条述职评议记录已经作废了。');
    const org = getOrg(ledger, r.orgId);
    ledger.db.prepare('UPDATE secretary_reviews SET voided_at = ?, void_reason = ? WHERE id = ?').run(nowIso(), reason, id);
    ledger.audit({ action: 'void', entity: 'secretaryReview', entityId: id, summary: `作废“${org.name}”${r.year} 年度书记述职评议：${reason}`, after: { reason } });
  });
}

/** The written report (or a scan of it) of a live record. */
export function attachToSecretaryReview(ledger: Ledger, input: z.input<typeof OwnedAttachmentSchema>): AttachmentMeta {
  const { ownerId, ...file } = input;
  const r = mustFind(one<{ orgId: number; year: number; voidedAt: string | null }>(ledger, 'SELECT org_id AS orgId, year, voided_at AS voidedAt FROM secretary_reviews WHERE id = ?', ownerId), '这条述职评议记录');
  if (r.voidedAt) throw new LedgerError('VOIDED', '这条述职评议记录已作废，不能再添加附件。');
  return storeAttachment(ledger, { kind: 'secretaryReview', id: ownerId, label: `“${getOrg(ledger, r.orgId).name}”${r.year} 年度书记述职` }, file);
}
