// 发展党员: the people on the way to membership, each a row of dated facts (applicants), judged by
// the pure rules of shared/domain/admission. When the branch meeting admits a 发展对象, the
// person becomes a member row (预备, probation from the meeting's date) from the facts already
// recorded, and from then on follows the members' 转正 flow.
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { nowIso, today as todayIso } from '../../shared/dates';
import { ADMISSION_STAGES, ADMISSION_STEP_LABELS, type AdmissionFacts, type AdmissionStep, admissionStatus } from '../../shared/domain/admission';
import { AdmissionDropSchema, AdmissionStepSchema, ApplicantCreateSchema, type AdmissionList, type AdmissionPerson } from '../../shared/api/admission';
import type { Ledger } from './ledger';
import { createMember } from './members';
import { getOrg, orgSubtreeIds } from './orgs';
import { all, mustFind, one, parseJson, run } from './sql';

type Row = {
  id: number; orgId: number; org: string; name: string; idNumber: string | null; gender: '男' | '女' | null; birthDate: string | null; phone: string | null;
  appliedOn: string; talkedOn: string | null; activistOn: string | null; sponsors: string | null; reviews: string; candidateOn: string | null;
  politicalReviewOn: string | null; trainingDays: number | null; trainingHours: number | null; introducers: string | null;
  publicityFrom: string | null; publicityTo: string | null; admittedOn: string | null; approvedOn: string | null; memberId: number | null;
  stage: string; droppedOn: string | null; note: string | null;
};

const COLUMNS = `a.id, a.org_id AS orgId, o.name AS org, a.name, a.id_number AS idNumber, a.gender, a.birth_date AS birthDate, a.phone,
  a.applied_on AS appliedOn, a.talked_on AS talkedOn, a.activist_on AS activistOn, a.sponsors, a.reviews, a.candidate_on AS candidateOn,
  a.political_review_on AS politicalReviewOn, a.training_days AS trainingDays, a.training_hours AS trainingHours, a.introducers,
  a.publicity_from AS publicityFrom, a.publicity_to AS publicityTo, a.admitted_on AS admittedOn, a.approved_on AS approvedOn,
  a.member_id AS memberId, a.stage, a.dropped_on AS droppedOn, a.note`;

/** Names kept as '王建国、李秀英' (the demo and older ledgers) or one per line. */
const splitNames = (s: string | null): string[] => (s ? s.split(/[、,，\n]/).map((x) => x.trim()).filter(Boolean) : []);

function factsOf(r: Row): AdmissionFacts {
  return {
    appliedOn: r.appliedOn, talkedOn: r.talkedOn, activistOn: r.activistOn, sponsors: splitNames(r.sponsors), reviews: parseJson<string[]>(r.reviews, []),
    candidateOn: r.candidateOn, politicalReviewOn: r.politicalReviewOn, trainingDays: r.trainingDays, trainingHours: r.trainingHours,
    introducers: splitNames(r.introducers), publicityFrom: r.publicityFrom, publicityTo: r.publicityTo, admittedOn: r.admittedOn, approvedOn: r.approvedOn,
    dropped: r.stage === 'dropped',
  };
}

function personOf(r: Row, today: string): AdmissionPerson {
  const f = factsOf(r);
  return {
    ...admissionStatus(f, today),
    id: r.id, name: r.name, orgId: r.orgId, org: r.org, memberId: r.memberId, idNumber: r.idNumber, sponsors: f.sponsors, introducers: f.introducers,
    trainingDays: r.trainingDays, trainingHours: r.trainingHours, publicityFrom: r.publicityFrom, publicityTo: r.publicityTo, note: r.note,
  };
}

function getRow(ledger: Ledger, id: number): Row {
  return mustFind(one<Row>(ledger, `SELECT ${COLUMNS} FROM applicants a JOIN orgs o ON o.id = a.org_id WHERE a.id = ?`, id), '这名入党申请人');
}

/** Everyone on the way (and, with includeDone, those approved or dropped), by stage then date applied. */
export function listAdmission(ledger: Ledger, q: { orgId: number | null; includeDone?: boolean }, opts: { today?: string } = {}): AdmissionList {
  const today = opts.today ?? todayIso();
  const ids = q.orgId ? orgSubtreeIds(ledger, q.orgId, { includeDissolved: true }) : null;
  const rows = all<Row>(
    ledger,
    `SELECT ${COLUMNS} FROM applicants a JOIN orgs o ON o.id = a.org_id
     WHERE (? IS NULL OR a.org_id IN (SELECT value FROM json_each(?))) AND (? OR (a.stage <> 'dropped' AND a.approved_on IS NULL))
     ORDER BY a.applied_on, a.id`,
    ids ? 1 : null, JSON.stringify(ids ?? []), q.includeDone ? 1 : 0,
  );
  const people = rows.map((r) => personOf(r, today));
  const order = new Map(ADMISSION_STAGES.map((s, i) => [s, i]));
  people.sort((a, b) => order.get(b.stage)! - order.get(a.stage)! || (a.next?.due ?? '9999').localeCompare(b.next?.due ?? '9999'));
  const counts = Object.fromEntries(ADMISSION_STAGES.map((s) => [s, people.filter((p) => p.stage === s).length])) as AdmissionList['counts'];
  return { today, people, counts };
}

export function createApplicant(ledger: Ledger, raw: z.input<typeof ApplicantCreateSchema>, opts: { today?: string } = {}): number {
  const input = ApplicantCreateSchema.parse(raw);
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    if (input.appliedOn > (opts.today ?? todayIso())) throw new LedgerError('INVALID_DATE', `申请日期 ${input.appliedOn} 晚于今天，请核对。`);
    const at = nowIso();
    const id = run(ledger, 'INSERT INTO applicants (org_id, name, id_number, gender, birth_date, phone, applied_on, stage, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
      org.id, input.name, input.idNumber, input.gender, input.birthDate, input.phone, input.appliedOn, 'applicant', at, at);
    ledger.audit({ action: 'create', entity: 'applicant', entityId: id, summary: `“${org.name}”登记入党申请人“${input.name}”，${input.appliedOn} 递交申请书`, after: input });
    return id;
  });
}

/** Steps a step needs before it: recording them in another order is refused (dates are warned about, not refused). */
const REQUIRES: Partial<Record<AdmissionStep, (r: Row) => string | null>> = {
  activist: () => null,
  review: (r) => (r.activistOn ? null : '确定为入党积极分子'),
  candidate: (r) => (r.activistOn ? null : '确定为入党积极分子'),
  politicalReview: (r) => (r.candidateOn ? null : '确定为发展对象'),
  training: (r) => (r.activistOn ? null : '确定为入党积极分子'),
  introducers: (r) => (r.candidateOn ? null : '确定为发展对象'),
  publicity: (r) => (r.candidateOn ? null : '确定为发展对象'),
  admitted: (r) => (r.candidateOn ? null : '确定为发展对象'),
  approved: (r) => (r.admittedOn ? null : '支部大会讨论接收'),
};

export function recordAdmissionStep(ledger: Ledger, raw: z.input<typeof AdmissionStepSchema>, opts: { today?: string } = {}): AdmissionPerson {
  const input = AdmissionStepSchema.parse(raw);
  const today = opts.today ?? todayIso();
  const step = input.step as AdmissionStep;
  return ledger.tx(() => {
    const r = getRow(ledger, input.applicantId);
    if (r.stage === 'dropped') throw new LedgerError('DROPPED', `“${r.name}”的发展工作已终止，不能再登记步骤。`);
    if (input.date > today) throw new LedgerError('INVALID_DATE', `日期 ${input.date} 晚于今天，请核对。`);
    if (input.date < r.appliedOn) throw new LedgerError('INVALID_DATE', `日期 ${input.date} 早于递交入党申请书的日期 ${r.appliedOn}，请核对。`);
    const missing = REQUIRES[step]?.(r);
    if (missing) throw new LedgerError('OUT_OF_ORDER', `“${r.name}”还没有“${missing}”的记录，请先登记该步骤。`);
    const before = personOf(r, today);
    const set = (sql: string, ...params: unknown[]) => run(ledger, `UPDATE applicants SET ${sql}, updated_at = ? WHERE id = ?`, ...params, nowIso(), r.id);
    switch (step) {
      case 'talked': set('talked_on = ?', input.date); break;
      case 'activist':
        if (input.people.length === 0) throw new LedgerError('SPONSORS_REQUIRED', '确定为入党积极分子时请填写 1 至 2 名培养联系人。');
        set("activist_on = ?, sponsors = ?, stage = CASE WHEN stage = 'applicant' THEN 'activist' ELSE stage END", input.date, input.people.join('、'));
        break;
      case 'review': set('reviews = ?', JSON.stringify([...parseJson<string[]>(r.reviews, []), input.date].sort())); break;
      case 'candidate': set("candidate_on = ?, stage = CASE WHEN stage IN ('applicant', 'activist') THEN 'candidate' ELSE stage END", input.date); break;
      case 'politicalReview': set('political_review_on = ?', input.date); break;
      case 'training':
        if (input.trainingDays === null && input.trainingHours === null) throw new LedgerError('TRAINING_REQUIRED', '请填写培训天数或学时。');
        set('training_days = ?, training_hours = ?', input.trainingDays, input.trainingHours);
        break;
      case 'introducers':
        if (input.people.length === 0) throw new LedgerError('INTRODUCERS_REQUIRED', '请填写入党介绍人（2 人）。');
        set('introducers = ?', input.people.join('、'));
        break;
      case 'publicity':
        if (!input.until || input.until < input.date) throw new LedgerError('INVALID_DATE', '请填写公示结束日期（不早于开始日期）。');
        set('publicity_from = ?, publicity_to = ?', input.date, input.until);
        break;
      case 'admitted': admit(ledger, r, input.date, input.note); break;
      case 'approved': set('approved_on = ?', input.date); break;
      default: throw new LedgerError('INVALID_STEP', '无法登记这个步骤。');
    }
    const after = personOf(getRow(ledger, r.id), today);
    ledger.audit({
      action: 'update', entity: 'applicant', entityId: r.id,
      summary: `“${r.name}”${ADMISSION_STEP_LABELS[step]}：${input.date}${input.until ? ` 至 ${input.until}` : ''}${input.people.length ? `（${input.people.join('、')}）` : ''}`,
      before: { stage: before.stage, steps: before.steps }, after: { stage: after.stage, steps: after.steps, memberId: after.memberId },
    });
    return after;
  });
}

/** The branch meeting admits a 发展对象: the member row from the facts on file, probationary from that day. */
function admit(ledger: Ledger, r: Row, date: string, note: string | null): void {
  if (r.memberId !== null) throw new LedgerError('ALREADY_ADMITTED', `“${r.name}”已接收为预备党员。`);
  if (!r.idNumber) throw new LedgerError('ID_REQUIRED', `请先补录“${r.name}”的公民身份号码，再登记支部大会接收。`);
  const memberId = createMember(ledger, {
    name: r.name, idNumber: r.idNumber, gender: r.gender, birthDate: r.birthDate, phone: r.phone, kind: 'probationary', joinedOn: date, confirmedOn: null, orgId: r.orgId,
  }, { since: date, event: { type: 'joined', date, note: note ?? '支部大会讨论接收为预备党员' } });
  run(ledger, "UPDATE applicants SET admitted_on = ?, member_id = ?, stage = 'probationary', updated_at = ? WHERE id = ?", date, memberId, nowIso(), r.id);
}

export function dropApplicant(ledger: Ledger, raw: z.input<typeof AdmissionDropSchema>): void {
  const input = AdmissionDropSchema.parse(raw);
  ledger.tx(() => {
    const r = getRow(ledger, input.applicantId);
    if (r.memberId !== null) throw new LedgerError('ALREADY_ADMITTED', `“${r.name}”已是预备党员，请在党员信息中办理。`);
    run(ledger, "UPDATE applicants SET stage = 'dropped', dropped_on = ?, note = ?, updated_at = ? WHERE id = ?", input.date, input.reason, nowIso(), r.id);
    ledger.audit({ action: 'update', entity: 'applicant', entityId: r.id, summary: `终止“${r.name}”的发展工作（${input.date}）：${input.reason}`, before: { stage: r.stage }, after: { stage: 'dropped' } });
  });
}
