// 发展党员: the steps of 《中国共产党发展党员工作细则》 as pure rules. A person's record is a set of
// dated facts; from them and today follow the stage, the next step with its deadline, and the
// warnings for steps late or out of order. The app warns; it never refuses a fact a clerk records.
import dayjs from 'dayjs';

export const ADMISSION_STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'dropped'] as const;
export type AdmissionStage = (typeof ADMISSION_STAGES)[number];
export const ADMISSION_STAGE_LABELS: Record<AdmissionStage, string> = {
  applicant: '入党申请人', activist: '入党积极分子', candidate: '发展对象', probationary: '预备党员', dropped: '已终止',
};

export const ADMISSION_STEPS = [
  'applied', 'talked', 'activist', 'review', 'candidate', 'politicalReview', 'training', 'introducers', 'publicity', 'admitted', 'approved',
] as const;
export type AdmissionStep = (typeof ADMISSION_STEPS)[number];
export const ADMISSION_STEP_LABELS: Record<AdmissionStep, string> = {
  applied: '递交入党申请书', talked: '党组织派人谈话', activist: '确定为入党积极分子', review: '培养考察（每半年一次）',
  candidate: '确定为发展对象', politicalReview: '政治审查', training: '集中培训', introducers: '确定入党介绍人',
  publicity: '发展前公示', admitted: '支部大会讨论接收', approved: '上级党委审批',
};

/** The rules' figures, in one place. */
const ADMISSION_RULES = {
  talkWithinMonths: 1,
  reviewEveryMonths: 6,
  activistBeforeCandidateYears: 1,
  trainingMinDays: 3,
  trainingMinHours: 24,
  introducers: 2,
  sponsorsMin: 1,
  sponsorsMax: 2,
  publicityMinWorkingDays: 5,
  approvalWithinMonths: 3,
  approvalAtMostMonths: 6,
} as const;

export type AdmissionFacts = {
  appliedOn: string;
  talkedOn: string | null;
  activistOn: string | null;
  sponsors: string[];
  /** 考察 dates while an activist. */
  reviews: string[];
  candidateOn: string | null;
  politicalReviewOn: string | null;
  trainingDays: number | null;
  trainingHours: number | null;
  introducers: string[];
  publicityFrom: string | null;
  publicityTo: string | null;
  admittedOn: string | null;
  approvedOn: string | null;
  dropped: boolean;
};

export type AdmissionStatus = {
  stage: AdmissionStage;
  steps: { step: AdmissionStep; date: string }[];
  next: { step: AdmissionStep; due: string | null } | null;
  warnings: string[];
};

const addMonths = (d: string, n: number) => dayjs(d).add(n, 'month').format('YYYY-MM-DD');
const addYears = (d: string, n: number) => dayjs(d).add(n, 'year').format('YYYY-MM-DD');

/** Monday–Friday days from `from` to `to` inclusive (public holidays are not known to the app). */
export function workingDays(from: string, to: string): number {
  let n = 0;
  for (let d = dayjs(from); !d.isAfter(dayjs(to)); d = d.add(1, 'day')) {
    const w = d.day();
    if (w !== 0 && w !== 6) n += 1;
  }
  return n;
}

/** Whether a training counts: at least 3 days or 24 hours. */
function trainingEnough(days: number | null, hours: number | null): boolean {
  return (days ?? 0) >= ADMISSION_RULES.trainingMinDays || (hours ?? 0) >= ADMISSION_RULES.trainingMinHours;
}

function stageOf(f: AdmissionFacts): AdmissionStage {
  if (f.dropped) return 'dropped';
  if (f.admittedOn) return 'probationary';
  if (f.candidateOn) return 'candidate';
  if (f.activistOn) return 'activist';
  return 'applicant';
}

/** Each rule: its warning (or null) for the facts as of today. */
export const RULE_CHECKS: Record<string, (f: AdmissionFacts, today: string) => string | null> = {
  talk(f, today) {
    const due = addMonths(f.appliedOn, ADMISSION_RULES.talkWithinMonths);
    if (f.talkedOn) return f.talkedOn > due ? `谈话日期 ${f.talkedOn} 晚于申请后一个月（应在 ${due} 前）` : null;
    return today > due ? `递交申请已超过一个月（${due} 到期），尚未派人谈话` : null;
  },
  sponsors(f) {
    if (!f.activistOn) return null;
    const n = f.sponsors.length;
    if (n < ADMISSION_RULES.sponsorsMin) return '入党积极分子尚未指定培养联系人';
    return n > ADMISSION_RULES.sponsorsMax ? `培养联系人 ${n} 人，应为 1 至 2 人` : null;
  },
  reviews(f, today) {
    if (!f.activistOn || f.dropped) return null;
    const until = f.candidateOn ?? today;
    let last = f.activistOn;
    for (const r of [...f.reviews].sort()) {
      if (r > until) break;
      if (r > addMonths(last, ADMISSION_RULES.reviewEveryMonths)) return `${addMonths(last, ADMISSION_RULES.reviewEveryMonths)} 前应进行的半年考察迟至 ${r}`;
      last = r;
    }
    const due = addMonths(last, ADMISSION_RULES.reviewEveryMonths);
    return !f.candidateOn && today > due ? `半年考察已逾期（${due} 到期）` : null;
  },
  candidateAfterYear(f) {
    if (!f.candidateOn || !f.activistOn) return f.candidateOn && !f.activistOn ? '确定为发展对象前没有确定为入党积极分子的记录' : null;
    const earliest = addYears(f.activistOn, ADMISSION_RULES.activistBeforeCandidateYears);
    return f.candidateOn < earliest ? `确定为发展对象（${f.candidateOn}）距确定为入党积极分子不满一年（${earliest} 起方可）` : null;
  },
  training(f) {
    if (f.trainingDays === null && f.trainingHours === null) return null;
    return trainingEnough(f.trainingDays, f.trainingHours) ? null : '集中培训不足 3 天或 24 学时';
  },
  introducers(f) {
    if (!f.admittedOn || f.introducers.length === ADMISSION_RULES.introducers) return null;
    return `入党介绍人 ${f.introducers.length} 人，应为 2 人`;
  },
  publicity(f) {
    if (f.publicityFrom && f.publicityTo) {
      const n = workingDays(f.publicityFrom, f.publicityTo);
      if (n < ADMISSION_RULES.publicityMinWorkingDays) return `公示 ${n} 个工作日，不少于 5 个工作日`;
      if (f.admittedOn && f.admittedOn <= f.publicityTo) return `支部大会（${f.admittedOn}）在公示期结束（${f.publicityTo}）之前召开`;
      return null;
    }
    return f.admittedOn ? '支部大会讨论接收前没有公示记录' : null;
  },
  beforeMeeting(f) {
    if (!f.admittedOn) return null;
    const missing = [
      !f.candidateOn && '确定为发展对象', !f.politicalReviewOn && '政治审查', f.trainingDays === null && f.trainingHours === null && '集中培训',
    ].filter(Boolean);
    return missing.length ? `支部大会讨论接收前缺少：${missing.join('、')}` : null;
  },
  approval(f, today) {
    if (!f.admittedOn || f.dropped) return null;
    const due = addMonths(f.admittedOn, ADMISSION_RULES.approvalWithinMonths);
    const atMost = addMonths(f.admittedOn, ADMISSION_RULES.approvalAtMostMonths);
    const on = f.approvedOn ?? today;
    if (on > atMost) return f.approvedOn ? `上级党委审批（${f.approvedOn}）超过支部大会后 6 个月` : `支部大会接收已超过 6 个月（${atMost}），上级党委仍未审批`;
    if (on > due) return f.approvedOn ? `上级党委审批（${f.approvedOn}）超过支部大会后 3 个月` : `上级党委应在 ${due} 前审批，已逾期`;
    return null;
  },
};

/** The next step and when it is due, from the facts so far. */
function nextStep(f: AdmissionFacts): AdmissionStatus['next'] {
  if (f.dropped) return null;
  if (!f.talkedOn) return { step: 'talked', due: addMonths(f.appliedOn, ADMISSION_RULES.talkWithinMonths) };
  if (!f.activistOn) return { step: 'activist', due: null };
  if (!f.candidateOn) {
    const last = [f.activistOn, ...f.reviews].sort().at(-1)!;
    const reviewDue = addMonths(last, ADMISSION_RULES.reviewEveryMonths);
    const earliest = addYears(f.activistOn, ADMISSION_RULES.activistBeforeCandidateYears);
    // Reviews continue until the person becomes a 发展对象, possible after a year.
    return reviewDue < earliest || f.reviews.length === 0 ? { step: 'review', due: reviewDue } : { step: 'candidate', due: earliest };
  }
  if (!f.politicalReviewOn) return { step: 'politicalReview', due: null };
  if (f.trainingDays === null && f.trainingHours === null) return { step: 'training', due: null };
  if (f.introducers.length < ADMISSION_RULES.introducers) return { step: 'introducers', due: null };
  if (!f.publicityFrom) return { step: 'publicity', due: null };
  if (!f.admittedOn) return { step: 'admitted', due: null };
  if (!f.approvedOn) return { step: 'approved', due: addMonths(f.admittedOn, ADMISSION_RULES.approvalWithinMonths) };
  return null;
}

export function admissionStatus(f: AdmissionFacts, today: string): AdmissionStatus {
  const steps: AdmissionStatus['steps'] = [];
  const add = (step: AdmissionStep, date: string | null) => { if (date) steps.push({ step, date }); };
  add('applied', f.appliedOn);
  add('talked', f.talkedOn);
  add('activist', f.activistOn);
  for (const r of [...f.reviews].sort()) add('review', r);
  add('candidate', f.candidateOn);
  add('politicalReview', f.politicalReviewOn);
  add('publicity', f.publicityFrom);
  add('admitted', f.admittedOn);
  add('approved', f.approvedOn);
  const warnings = Object.values(RULE_CHECKS).map((check) => check(f, today)).filter((w): w is string => w !== null);
  return { stage: stageOf(f), steps, next: nextStep(f), warnings };
}
