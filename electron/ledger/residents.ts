// 双报到 (在职党员到社区报到, 双重管理): registrants of a community — members of this street, or
// Party members of outside units (县直机关, 企业 …) recorded by name and unit and never put on a
// roster — each quarter's feedback to the registrant's unit (activities attended, services given,
// hours, comment), and the year-end evaluation. Feedback and evaluations are one row per
// registration and period: entering a quarter again corrects it, audited with before and after.
import { LedgerError } from '../../shared/errors';
import { nowIso, today as realToday } from '../../shared/dates';
import { APPRAISAL_GRADE_LABELS, type AppraisalGrade } from '../../shared/domain/member';
import {
  OutsideRegistrationSchema, ResidentEvaluationSchema, ResidentFeedbackSchema,
  type Registrant, type ResidentBoard, type ResidentFeedback,
} from '../../shared/api/residents';
import { type Period, periodsOfYear } from '../../shared/rules/periods';
import type { Ledger } from './ledger';
import { endResident } from './members';
import { ensureWorkingCommittee, getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, run } from './sql';
import type { z } from 'zod';

type Span = { registeredOn: string; endedOn: string | null };

/** Registered during the quarter at all. */
export const activeIn = (r: Span, q: Period): boolean => r.registeredOn <= q.end && (r.endedOn === null || r.endedOn >= q.start);

/** A quarter owes its feedback once it has ended (by `asOf`) with the registrant registered in it. */
export const owedIn = (r: Span, q: Period, asOf: string): boolean => q.end <= asOf && activeIn(r, q);

/** Records a Party member of an outside unit reporting to a community: no members row, no roster. */
export function registerOutsider(ledger: Ledger, raw: z.input<typeof OutsideRegistrationSchema>): number {
  const input = OutsideRegistrationSchema.parse(raw);
  return ledger.tx(() => {
    const community = getOrg(ledger, input.communityOrgId);
    const id = run(
      ledger,
      `INSERT INTO resident_registrations (member_id, name, employer, phone, community_org_id, unit_org, registered_on, is_cadre, service_intent, note, created_at)
       VALUES (NULL,?,?,?,?,?,?,?,?,?,?)`,
      input.name, input.employer, input.phone, input.communityOrgId, input.unitOrg, input.registeredOn, input.isCadre ? 1 : 0, input.serviceIntent, input.note, nowIso(),
    );
    ledger.audit({ action: 'create', entity: 'residentRegistration', entityId: id, summary: `“${input.employer}”的“${input.name}”到“${community.name}”报到（外单位党员）`, after: input });
    return id;
  });
}

/** Ends a registration: a member's through the member's history, an outsider's here. */
export function endRegistration(ledger: Ledger, registrationId: number, input: { date: string; note?: string | null }): void {
  const r = mustFind(one<{ memberId: number | null; name: string | null }>(ledger, 'SELECT member_id AS memberId, name FROM resident_registrations WHERE id = ? AND ended_on IS NULL', registrationId), '这条报到记录');
  if (r.memberId !== null) return endResident(ledger, registrationId, input);
  ledger.tx(() => {
    ledger.db.prepare('UPDATE resident_registrations SET ended_on = ? WHERE id = ?').run(input.date, registrationId);
    ledger.audit({ action: 'end', entity: 'residentRegistration', entityId: registrationId, summary: `“${r.name}”报到结束`, after: input });
  });
}

type RegRow = Span & { id: number; memberId: number | null; name: string; employer: string | null; unitOrg: string | null; phone: string | null; communityOrgId: number; community: string; isCadre: number; serviceIntent: string | null };

/** The one query of registrations: a member's name and unit, or the outsider's own. */
export const REGISTRATION_SELECT = `SELECT r.id, r.member_id AS memberId, coalesce(m.name, r.name) AS name, coalesce(m.employer, r.employer) AS employer,
    r.unit_org AS unitOrg, coalesce(m.phone, r.phone) AS phone, r.community_org_id AS communityOrgId, c.name AS community,
    r.registered_on AS registeredOn, r.ended_on AS endedOn, r.is_cadre AS isCadre, r.service_intent AS serviceIntent
  FROM resident_registrations r LEFT JOIN members m ON m.id = r.member_id JOIN orgs c ON c.id = r.community_org_id`;

function feedbackOf(ledger: Ledger, ids: number[], year: number): Map<string, ResidentFeedback> {
  const rows = ids.length
    ? all<ResidentFeedback & { registrationId: number }>(
        ledger,
        `SELECT registration_id AS registrationId, period, attended, services, hours, comment, sent_on AS sentOn FROM resident_feedback
         WHERE registration_id IN (SELECT value FROM json_each(?)) AND period LIKE ?`,
        JSON.stringify(ids), `${year}-Q%`,
      )
    : [];
  return new Map(rows.map(({ registrationId, ...f }) => [`${registrationId}:${f.period}`, f]));
}

/** Registrants reporting to the org's communities (the whole street without one) during the year. */
export function residentBoard(ledger: Ledger, orgId: number | null, year: number, opts: { today?: string } = {}): ResidentBoard {
  const asOf = opts.today ?? realToday();
  const scope = orgSubtreeIds(ledger, orgId ?? ensureWorkingCommittee(ledger), { includeDissolved: true });
  const quarters = periodsOfYear(year, 'quarter');
  const regs = all<RegRow>(
    ledger,
    `${REGISTRATION_SELECT} WHERE r.community_org_id IN (SELECT value FROM json_each(?)) AND r.registered_on <= ? AND (r.ended_on IS NULL OR r.ended_on >= ?)
     ORDER BY c.sort_order, c.id, r.registered_on, r.id`,
    JSON.stringify(scope), `${year}-12-31`, `${year}-01-01`,
  );
  const feedback = feedbackOf(ledger, regs.map((r) => r.id), year);
  const evaluations = new Map(
    all<{ registrationId: number; grade: AppraisalGrade; note: string | null }>(
      ledger, 'SELECT registration_id AS registrationId, grade, note FROM resident_evaluations WHERE year = ?', year,
    ).map(({ registrationId, ...e }) => [registrationId, e]),
  );
  let owed = 0;
  let given = 0;
  const registrants: Registrant[] = regs.map((r) => {
    const cells = quarters.map((q) => {
      const f = feedback.get(`${r.id}:${q.key}`) ?? null;
      const isOwed = owedIn(r, q, asOf);
      if (isOwed) owed += 1;
      if (isOwed && f) given += 1;
      return { feedback: f, owed: isOwed, active: activeIn(r, q) };
    });
    return {
      registrationId: r.id, memberId: r.memberId, name: r.name, employer: r.employer, unitOrg: r.unitOrg, phone: r.phone,
      communityOrgId: r.communityOrgId, community: r.community, registeredOn: r.registeredOn, endedOn: r.endedOn, isCadre: Boolean(r.isCadre),
      serviceIntent: r.serviceIntent, quarters: cells, evaluation: evaluations.get(r.id) ?? null,
    };
  });
  return { year, registrants, owed, given };
}

function registration(ledger: Ledger, id: number): RegRow {
  return mustFind(one<RegRow>(ledger, `${REGISTRATION_SELECT} WHERE r.id = ?`, id), '这条报到记录');
}

/** Records (or corrects) one quarter's feedback on a registrant to their unit. */
export function recordFeedback(ledger: Ledger, raw: z.input<typeof ResidentFeedbackSchema>): number {
  const input = ResidentFeedbackSchema.parse(raw);
  const period = `${input.year}-Q${input.quarter}`;
  return ledger.tx(() => {
    const r = registration(ledger, input.registrationId);
    const q = periodsOfYear(input.year, 'quarter')[input.quarter - 1]!;
    if (!activeIn(r, q)) {
      throw new LedgerError('NOT_REGISTERED', `“${r.name}”${input.year} 年第 ${input.quarter} 季度不在报到期内（${r.registeredOn} 报到${r.endedOn ? `，${r.endedOn} 结束` : ''}），不能登记这个季度的反馈。`);
    }
    const before = one<ResidentFeedback & { id: number }>(ledger, 'SELECT id, period, attended, services, hours, comment, sent_on AS sentOn FROM resident_feedback WHERE registration_id = ? AND period = ?', r.id, period);
    const facts = { attended: input.attended, services: input.services, hours: input.hours, comment: input.comment, sentOn: input.sentOn };
    const summary = `“${r.name}”${input.year} 年第 ${input.quarter} 季度报到反馈：参加活动 ${input.attended} 次，服务 ${input.hours} 小时`;
    const at = nowIso();
    if (before) {
      ledger.db.prepare('UPDATE resident_feedback SET attended = ?, services = ?, hours = ?, comment = ?, sent_on = ?, updated_at = ? WHERE id = ?')
        .run(input.attended, input.services, input.hours, input.comment, input.sentOn, at, before.id);
      const { id: _id, period: _p, ...was } = before;
      ledger.audit({ action: 'update', entity: 'residentFeedback', entityId: before.id, summary: `修改${summary}`, before: was, after: facts });
      return before.id;
    }
    const id = run(ledger, 'INSERT INTO resident_feedback (registration_id, period, attended, services, hours, comment, sent_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)',
      r.id, period, input.attended, input.services, input.hours, input.comment, input.sentOn, at, at);
    ledger.audit({ action: 'create', entity: 'residentFeedback', entityId: id, summary: `登记${summary}`, after: facts });
    return id;
  });
}

/** The year-end evaluation of a registrant (优秀/合格/基本合格/不合格), or its correction. */
export function recordEvaluation(ledger: Ledger, raw: z.input<typeof ResidentEvaluationSchema>): number {
  const input = ResidentEvaluationSchema.parse(raw);
  return ledger.tx(() => {
    const r = registration(ledger, input.registrationId);
    const before = one<{ id: number; grade: AppraisalGrade; note: string | null }>(ledger, 'SELECT id, grade, note FROM resident_evaluations WHERE registration_id = ? AND year = ?', r.id, input.year);
    const summary = `“${r.name}”${input.year} 年度报到表现评价：${APPRAISAL_GRADE_LABELS[input.grade]}`;
    const at = nowIso();
    if (before) {
      ledger.db.prepare('UPDATE resident_evaluations SET grade = ?, note = ?, updated_at = ? WHERE id = ?').run(input.grade, input.note, at, before.id);
      ledger.audit({ action: 'update', entity: 'residentEvaluation', entityId: before.id, summary: `修改${summary}`, before: { grade: before.grade, note: before.note }, after: { grade: input.grade, note: input.note } });
      return before.id;
    }
    const id = run(ledger, 'INSERT INTO resident_evaluations (registration_id, year, grade, note, created_at, updated_at) VALUES (?,?,?,?,?,?)', r.id, input.year, input.grade, input.note, at, at);
    ledger.audit({ action: 'create', entity: 'residentEvaluation', entityId: id, summary, after: { grade: input.grade, note: input.note } });
    return id;
  });
}
