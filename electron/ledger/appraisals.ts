// 民主评议党员: once a year each member of a branch gets a grade (优秀/合格/基本合格/不合格);
// probationary members take part without a grade, and 优秀 is generally at most a third of those
// graded. Each result is a dated 'appraisal' event in the member's history; a correction voids
// the old event and writes a new one, so the history shows both.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, type AppraisalGrade, type MemberKind } from '../../shared/domain/member';
import { AppraisalQuerySchema, AppraisalRecordSchema, type AppraisalRecord } from '../../shared/schemas/contract';
import type { AppraisalRow, AppraisalSheet } from '../../shared/api/assessment';
import type { Ledger } from './ledger';
import { membersOn } from './member-state';
import { getOrg } from './orgs';
import { all, one, run } from './sql';



type MemberFacts = { id: number; name: string; kind: MemberKind; confirmedOn: string | null; joinedOn: string | null; standing: string };

/** Probationary on a date: still probationary now, or confirmed only after that date. */
function kindOn(m: MemberFacts, date: string): MemberKind {
  if (m.kind === 'probationary') return 'probationary';
  return m.confirmedOn !== null && m.confirmedOn > date ? 'probationary' : 'full';
}

export function excellentLimit(graded: number): number {
  return Math.floor(graded / 3);
}

function onRoster(ledger: Ledger, memberId: number, orgId: number, date: string): boolean {
  return Boolean(one(ledger, 'SELECT 1 FROM member_org_spans WHERE member_id = ? AND org_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?)', memberId, orgId, date, date));
}

/** The year's sheet: everyone on the roster at year end plus anyone already appraised here. */
export function listAppraisals(ledger: Ledger, raw: { orgId: number; year: number }): AppraisalSheet {
  const q = AppraisalQuerySchema.parse(raw);
  const org = getOrg(ledger, q.orgId);
  // The branch's roll at the year's end (or today, within the year), with each member's kind then:
  // the same members and kinds as the roster of that date (member-state.ts).
  const yearEnd = `${q.year}-12-31`;
  const now = today();
  const roll = membersOn(ledger, yearEnd < now ? yearEnd : now, { orgIds: new Set([q.orgId]) });
  const recorded = new Map(all<{ memberId: number; grade: AppraisalGrade | null; appraisedOn: string; note: string | null }>(
    ledger, 'SELECT member_id AS memberId, grade, appraised_on AS appraisedOn, note FROM appraisals WHERE year = ? AND org_id = ?', q.year, q.orgId,
  ).map((r) => [r.memberId, r]));
  const members: AppraisalRow[] = roll.map((m) => {
    const r = recorded.get(m.id);
    return { memberId: m.id, name: m.name, kind: m.kind, grade: r?.grade ?? null, appraisedOn: r?.appraisedOn ?? null, note: r?.note ?? null, recorded: r !== undefined };
  });
  const counts = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, notGraded: 0, notAppraised: 0 };
  for (const m of members) {
    if (!m.recorded) counts.notAppraised += 1;
    else if (m.grade === null) counts.notGraded += 1;
    else counts[m.grade] += 1;
  }
  const graded = APPRAISAL_GRADES.reduce((n, g) => n + counts[g], 0);
  const warnings: string[] = [];
  if (counts.excellent > excellentLimit(graded)) warnings.push(`评为优秀的 ${counts.excellent} 人超过了评定等次人数（${graded} 人）的三分之一`);
  if (counts.notAppraised > 0 && graded + counts.notGraded > 0) warnings.push(`还有 ${counts.notAppraised} 名党员未参加评议`);
  return { orgId: org.id, org: org.name, year: q.year, members, counts, graded, excellentLimit: excellentLimit(graded), warnings };
}

/** Records (or corrects) the grades of some members for the year, with every check of the rules. */
export function recordAppraisals(ledger: Ledger, raw: AppraisalRecord): AppraisalSheet {
  const input = AppraisalRecordSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    if (input.appraisedOn < `${input.year}-01-01`) throw new LedgerError('INVALID_DATE', `${input.year} 年度的评议日期不能早于 ${input.year} 年 1 月 1 日。`);
    if (input.appraisedOn > `${input.year + 1}-12-31`) throw new LedgerError('INVALID_DATE', `评议日期 ${input.appraisedOn} 距 ${input.year} 年度太远，请核对年度。`);
    const seen = new Set<number>();
    const changes: { memberId: number; name: string; before: unknown; after: unknown }[] = [];
    for (const e of input.entries) {
      if (seen.has(e.memberId)) throw new LedgerError('DUPLICATE', '同一名党员在评议名单中出现了两次。');
      seen.add(e.memberId);
      const m = one<MemberFacts>(ledger, 'SELECT id, name, kind, confirmed_on AS confirmedOn, joined_on AS joinedOn, standing FROM members WHERE id = ?', e.memberId);
      if (!m) throw new LedgerError('NOT_FOUND', '找不到评议名单中的党员，可能已被其他人修改。请刷新后重试。');
      if (m.standing !== 'normal') throw new LedgerError('NOT_ELIGIBLE', `“${m.name}”的党籍状态不是“正常”，不参加民主评议。`);
      if (!onRoster(ledger, m.id, org.id, input.appraisedOn) && !onRoster(ledger, m.id, org.id, `${input.year}-12-31`)) {
        throw new LedgerError('NOT_ON_ROSTER', `“${m.name}”${input.year} 年底和评议当天都不在“${org.name}”，不能参加本支部的评议。`);
      }
      if (e.grade !== null && kindOn(m, input.appraisedOn) === 'probationary') {
        throw new LedgerError('PROBATIONARY_GRADED', `“${m.name}”是预备党员，参加民主评议但不评定等次。`);
      }
      const prev = one<{ id: number; orgId: number; org: string; grade: AppraisalGrade | null; appraisedOn: string; note: string | null }>(
        ledger,
        'SELECT p.id, p.org_id AS orgId, o.name AS org, p.grade, p.appraised_on AS appraisedOn, p.note FROM appraisals p JOIN orgs o ON o.id = p.org_id WHERE p.member_id = ? AND p.year = ?',
        m.id, input.year,
      );
      if (prev && prev.orgId !== org.id) throw new LedgerError('ALREADY_APPRAISED', `“${m.name}”已在“${prev.org}”参加 ${input.year} 年度民主评议。`);
      const after = { grade: e.grade, appraisedOn: input.appraisedOn, note: e.note };
      if (prev && prev.grade === e.grade && prev.appraisedOn === input.appraisedOn && prev.note === e.note) continue;
      if (prev) {
        ledger.db.prepare('UPDATE appraisals SET grade = ?, appraised_on = ?, note = ? WHERE id = ?').run(e.grade, input.appraisedOn, e.note, prev.id);
        ledger.db.prepare("UPDATE member_events SET voided_at = ?, void_reason = '民主评议结果更正' WHERE member_id = ? AND type = 'appraisal' AND voided_at IS NULL AND json_extract(data, '$.year') = ?")
          .run(nowIso(), m.id, input.year);
      } else {
        run(ledger, 'INSERT INTO appraisals (member_id, year, org_id, grade, appraised_on, note, created_at) VALUES (?,?,?,?,?,?,?)', m.id, input.year, org.id, e.grade, input.appraisedOn, e.note, nowIso());
      }
      run(ledger, 'INSERT INTO member_events (member_id, type, date, to_org_id, data, note, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)',
        m.id, 'appraisal', input.appraisedOn, org.id, JSON.stringify({ year: input.year, grade: e.grade, label: e.grade ? APPRAISAL_GRADE_LABELS[e.grade] : '参加评议，不评定等次' }),
        e.note, nowIso(), ledger.actor.id);
      changes.push({ memberId: m.id, name: m.name, before: prev ? { grade: prev.grade, appraisedOn: prev.appraisedOn, note: prev.note } : null, after });
    }
    const sheet = listAppraisals(ledger, { orgId: org.id, year: input.year });
    if (sheet.counts.excellent > sheet.excellentLimit && !input.excellentOverReason) {
      throw new LedgerError(
        'TOO_MANY_EXCELLENT',
        `评为优秀的 ${sheet.counts.excellent} 人超过了评定等次人数（${sheet.graded} 人）的三分之一（最多 ${sheet.excellentLimit} 人）。请调整，或填写理由后保存。`,
      );
    }
    if (changes.length) {
      const c = sheet.counts;
      ledger.audit({
        action: 'appraise', entity: 'appraisal', entityId: org.id,
        summary: `“${org.name}”${input.year} 年度民主评议党员：登记 ${changes.length} 人（累计优秀 ${c.excellent}、合格 ${c.qualified}、基本合格 ${c.basicallyQualified}、不合格 ${c.unqualified}、不定等次 ${c.notGraded}）${input.excellentOverReason ? `；优秀超过三分之一的理由：${input.excellentOverReason}` : ''}`,
        before: changes.map((x) => ({ memberId: x.memberId, name: x.name, ...(x.before ? { value: x.before } : {}) })),
        after: changes.map((x) => ({ memberId: x.memberId, name: x.name, value: x.after })),
      });
    }
    return sheet;
  });
}
