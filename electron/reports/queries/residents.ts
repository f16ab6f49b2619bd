// 双报到 registers' data: the 反馈单 per unit Party organisation and the half-yearly summary, read
// from the registrations (members' and outside units'), feedback and evaluations of the period.
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, type AppraisalGrade } from '../../../shared/domain/member';
import { QUARTER_NAMES, periodsOfYear } from '../../../shared/rules';
import type { FeedbackUnit, ResidentFeedbackData, ResidentSummaryData, SummaryLine } from '../../../shared/reports/registers/resident-feedback';
import type { Ledger } from '../../ledger/ledger';
import { REGISTRATION_SELECT, owedIn } from '../../ledger/residents';
import { all } from '../../ledger/sql';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

type Reg = { id: number; memberId: number | null; name: string; employer: string | null; unitOrg: string | null; phone: string | null;
  communityOrgId: number; community: string; registeredOn: string; endedOn: string | null; isCadre: number };

/** Registrations active in the period at a community in scope. */
function registrations(ledger: Ledger, scope: Scope): Reg[] {
  return all<Reg>(
    ledger,
    `${REGISTRATION_SELECT} WHERE r.registered_on <= ? AND (r.ended_on IS NULL OR r.ended_on >= ?) ORDER BY c.sort_order, c.id, r.registered_on, r.id`,
    scope.period.to, scope.period.from,
  ).filter((r) => scope.orgIds.has(r.communityOrgId));
}

/** The quarters the period touches, year by year. */
function quartersOf(scope: Scope) {
  const out = [];
  for (let y = Number(scope.period.from.slice(0, 4)); y <= Number(scope.period.to.slice(0, 4)); y++) {
    for (const [i, q] of periodsOfYear(y, 'quarter').entries()) if (q.end >= scope.period.from && q.start <= scope.period.to) out.push({ ...q, label: `${y}年${QUARTER_NAMES[i]}` });
  }
  return out;
}

type Feedback = { registrationId: number; period: string; attended: number; services: string | null; hours: number; comment: string | null };

function feedbackOf(ledger: Ledger, regs: Reg[], periods: string[]): Map<string, Feedback> {
  const rows = all<Feedback>(
    ledger,
    `SELECT registration_id AS registrationId, period, attended, services, hours, comment FROM resident_feedback
     WHERE registration_id IN (SELECT value FROM json_each(?)) AND period IN (SELECT value FROM json_each(?))`,
    JSON.stringify(regs.map((r) => r.id)), JSON.stringify(periods),
  );
  return new Map(rows.map((f) => [`${f.registrationId}:${f.period}`, f]));
}

type Evaluation = { registrationId: number; year: number; grade: AppraisalGrade; note: string | null };

function evaluationsOf(ledger: Ledger, regs: Reg[], scope: Scope): Evaluation[] {
  // A year's evaluation belongs to a period that reaches that year's end.
  return all<Evaluation>(
    ledger,
    `SELECT registration_id AS registrationId, year, grade, note FROM resident_evaluations
     WHERE registration_id IN (SELECT value FROM json_each(?)) AND year || '-12-31' BETWEEN ? AND ? ORDER BY year, id`,
    JSON.stringify(regs.map((r) => r.id)), scope.period.from, scope.period.to,
  );
}

export function residentFeedbackData(ledger: Ledger, scope: Scope, opts: QueryOptions): ResidentFeedbackData {
  const regs = registrations(ledger, scope);
  const quarters = quartersOf(scope);
  const feedback = feedbackOf(ledger, regs, quarters.map((q) => q.key));
  const evaluations = evaluationsOf(ledger, regs, scope);
  const units = new Map<string, FeedbackUnit>();
  const unitOf = (r: Reg) => {
    const key = r.unitOrg ?? r.employer ?? '（未填写单位党组织）';
    if (!units.has(key)) units.set(key, { unitOrg: key, lines: [], evaluations: [] });
    return units.get(key)!;
  };
  for (const r of regs) {
    for (const q of quarters) {
      const f = feedback.get(`${r.id}:${q.key}`);
      if (!f) continue;
      unitOf(r).lines.push({ name: r.name, employer: r.employer, phone: r.phone, community: r.community, quarter: q.label, attended: f.attended, services: f.services, hours: f.hours, comment: f.comment });
    }
    for (const e of evaluations.filter((x) => x.registrationId === r.id)) unitOf(r).evaluations.push({ name: r.name, year: e.year, grade: APPRAISAL_GRADE_LABELS[e.grade], note: e.note });
  }
  return { ...headerFor(scope, opts), units: [...units.values()] };
}

export function residentSummaryData(ledger: Ledger, scope: Scope, opts: QueryOptions): ResidentSummaryData {
  const regs = registrations(ledger, scope);
  const quarters = quartersOf(scope);
  const feedback = feedbackOf(ledger, regs, quarters.map((q) => q.key));
  const evaluations = evaluationsOf(ledger, regs, scope);
  const asOf = opts.printedOn && opts.printedOn < scope.period.to ? opts.printedOn : scope.period.to;
  const lines = new Map<number, SummaryLine & { grades: Record<AppraisalGrade, number> }>();
  for (const r of regs) {
    let l = lines.get(r.communityOrgId);
    if (!l) {
      l = { community: r.community, registrants: 0, cadres: 0, outside: 0, owed: 0, given: 0, attended: 0, hours: 0, evaluations: '', grades: { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 } };
      lines.set(r.communityOrgId, l);
    }
    l.registrants += 1;
    if (r.isCadre) l.cadres += 1;
    if (r.memberId === null) l.outside += 1;
    for (const q of quarters) {
      const f = feedback.get(`${r.id}:${q.key}`);
      if (owedIn(r, q, asOf)) {
        l.owed += 1;
        if (f) l.given += 1;
      }
      if (f) {
        l.attended += f.attended;
        l.hours += f.hours;
      }
    }
    for (const e of evaluations.filter((x) => x.registrationId === r.id)) l.grades[e.grade] += 1;
  }
  return {
    ...headerFor(scope, opts),
    lines: [...lines.values()].map(({ grades, ...l }) => ({
      ...l,
      evaluations: APPRAISAL_GRADES.filter((g) => grades[g] > 0).map((g) => `${APPRAISAL_GRADE_LABELS[g]} ${grades[g]} 人`).join('，'),
    })),
  };
}
