import { describe, expect, it } from 'vitest';
import { type AdmissionFacts, RULE_CHECKS, admissionStatus, workingDays } from '../../shared/domain/admission';

const base: AdmissionFacts = {
  appliedOn: '2024-01-10', talkedOn: null, activistOn: null, sponsors: [], reviews: [], candidateOn: null, politicalReviewOn: null,
  trainingDays: null, trainingHours: null, introducers: [], publicityFrom: null, publicityTo: null, admittedOn: null, approvedOn: null, dropped: false,
};
const f = (over: Partial<AdmissionFacts>): AdmissionFacts => ({ ...base, ...over });
const activist = f({ talkedOn: '2024-01-20', activistOn: '2024-03-01', sponsors: ['王建国', '李秀英'], reviews: ['2024-08-30', '2025-02-20'] });
const candidate = { ...activist, candidateOn: '2025-03-05', politicalReviewOn: '2025-04-01', trainingDays: 3, introducers: ['王建国', '李秀英'], publicityFrom: '2025-05-05', publicityTo: '2025-05-09' };

describe('发展党员 deadline rules', () => {
  it('talk within one month of the application', () => {
    expect(RULE_CHECKS.talk!(base, '2024-02-10')).toBeNull();
    expect(RULE_CHECKS.talk!(base, '2024-02-11')).toContain('尚未派人谈话');
    expect(RULE_CHECKS.talk!(f({ talkedOn: '2024-02-10' }), '2025-01-01')).toBeNull();
    expect(RULE_CHECKS.talk!(f({ talkedOn: '2024-02-11' }), '2025-01-01')).toContain('晚于申请后一个月');
  });

  it('an activist has 1–2 联系人', () => {
    expect(RULE_CHECKS.sponsors!(f({ activistOn: '2024-03-01' }), '2024-04-01')).toContain('尚未指定培养联系人');
    expect(RULE_CHECKS.sponsors!(f({ activistOn: '2024-03-01', sponsors: ['甲', '乙', '丙'] }), '2024-04-01')).toContain('应为 1 至 2 人');
    expect(RULE_CHECKS.sponsors!(activist, '2024-04-01')).toBeNull();
  });

  it('a review every half year while an activist', () => {
    expect(RULE_CHECKS.reviews!(activist, '2025-08-20')).toBeNull();
    expect(RULE_CHECKS.reviews!(activist, '2025-08-21')).toContain('半年考察已逾期（2025-08-20 到期）');
    expect(RULE_CHECKS.reviews!(f({ ...activist, reviews: ['2024-09-02'] }), '2024-10-01')).toContain('迟至 2024-09-02');
    expect(RULE_CHECKS.reviews!({ ...activist, candidateOn: '2025-03-05' }, '2026-01-01')).toBeNull();
  });

  it('发展对象 after at least a year as activist', () => {
    expect(RULE_CHECKS.candidateAfterYear!({ ...activist, candidateOn: '2025-03-01' }, '2025-04-01')).toBeNull();
    expect(RULE_CHECKS.candidateAfterYear!({ ...activist, candidateOn: '2025-02-28' }, '2025-04-01')).toContain('不满一年');
  });

  it('training of at least 3 days or 24 hours', () => {
    expect(RULE_CHECKS.training!(f({ trainingDays: 3 }), '2025-01-01')).toBeNull();
    expect(RULE_CHECKS.training!(f({ trainingHours: 24 }), '2025-01-01')).toBeNull();
    expect(RULE_CHECKS.training!(f({ trainingDays: 2, trainingHours: 20 }), '2025-01-01')).toContain('不足 3 天或 24 学时');
  });

  it('two introducers at the branch meeting', () => {
    expect(RULE_CHECKS.introducers!({ ...candidate, admittedOn: '2025-05-20', introducers: ['王建国'] }, '2025-05-21')).toContain('应为 2 人');
    expect(RULE_CHECKS.introducers!({ ...candidate, admittedOn: '2025-05-20' }, '2025-05-21')).toBeNull();
  });

  it('公示 of at least 5 working days, ended before the meeting', () => {
    expect(workingDays('2025-05-05', '2025-05-09')).toBe(5);
    expect(workingDays('2025-05-08', '2025-05-14')).toBe(5); // over a weekend
    expect(RULE_CHECKS.publicity!(candidate, '2025-05-10')).toBeNull();
    expect(RULE_CHECKS.publicity!({ ...candidate, publicityTo: '2025-05-08' }, '2025-05-10')).toContain('公示 4 个工作日');
    expect(RULE_CHECKS.publicity!({ ...candidate, admittedOn: '2025-05-09' }, '2025-05-10')).toContain('之前召开');
    expect(RULE_CHECKS.publicity!({ ...candidate, publicityFrom: null, publicityTo: null, admittedOn: '2025-05-20' }, '2025-05-21')).toContain('没有公示记录');
  });

  it('approval within 3 months of the meeting, at most 6', () => {
    const admitted = { ...candidate, admittedOn: '2025-05-20' };
    expect(RULE_CHECKS.approval!(admitted, '2025-08-20')).toBeNull();
    expect(RULE_CHECKS.approval!(admitted, '2025-08-21')).toContain('已逾期');
    expect(RULE_CHECKS.approval!(admitted, '2025-11-21')).toContain('超过 6 个月');
    expect(RULE_CHECKS.approval!({ ...admitted, approvedOn: '2025-09-01' }, '2026-01-01')).toContain('超过支部大会后 3 个月');
    expect(RULE_CHECKS.approval!({ ...admitted, approvedOn: '2025-07-01' }, '2026-01-01')).toBeNull();
  });
});

describe('stage, steps and the next step', () => {
  it('follows the person from application to approval', () => {
    expect(admissionStatus(base, '2024-01-15')).toMatchObject({ stage: 'applicant', next: { step: 'talked', due: '2024-02-10' }, warnings: [] });
    expect(admissionStatus(activist, '2025-03-01')).toMatchObject({ stage: 'activist', next: { step: 'candidate', due: '2025-03-01' } });
    expect(admissionStatus(f({ talkedOn: '2024-01-20', activistOn: '2024-03-01', sponsors: ['甲'] }), '2024-04-01').next).toEqual({ step: 'review', due: '2024-09-01' });
    expect(admissionStatus(candidate, '2025-05-12')).toMatchObject({ stage: 'candidate', next: { step: 'admitted', due: null }, warnings: [] });
    const waiting = admissionStatus({ ...candidate, admittedOn: '2025-05-20' }, '2025-09-01');
    expect(waiting).toMatchObject({ stage: 'probationary', next: { step: 'approved', due: '2025-08-20' } });
    expect(waiting.warnings).toEqual(['上级党委应在 2025-08-20 前审批，已逾期']);
    expect(waiting.steps.map((s) => s.step)).toEqual(['applied', 'talked', 'activist', 'review', 'review', 'candidate', 'politicalReview', 'publicity', 'admitted']);
  });
});
