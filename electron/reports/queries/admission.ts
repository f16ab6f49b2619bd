// 发展党员 registers' data: the pipeline (electron/ledger/admission.ts) of the scope's branches.
import { ADMISSION_STAGE_LABELS } from '../../../shared/domain/admission';
import type { AdmissionData, AdmissionNoticeData } from '../../../shared/reports/registers/admission';
import type { AdmissionPerson } from '../../../shared/api/admission';
import { listAdmission } from '../../ledger/admission';
import type { Ledger } from '../../ledger/ledger';
import { one } from '../../ledger/sql';
import { type Scope, headerFor } from '../scope';
import type { QueryOptions } from './options';

/** Everyone whose pipeline touches the period: applied by its end, not approved or dropped before it began. */
function people(ledger: Ledger, scope: Scope, opts: QueryOptions): AdmissionPerson[] {
  const all = listAdmission(ledger, { orgId: scope.root.id, includeDone: true }, { today: opts.printedOn }).people;
  const date = (p: AdmissionPerson, step: string) => p.steps.find((s) => s.step === step)?.date ?? null;
  return all.filter((p) => scope.orgIds.has(p.orgId) && date(p, 'applied')! <= scope.period.to && (date(p, 'approved') ?? '9999') >= scope.period.from)
    .sort((a, b) => a.orgId - b.orgId || date(a, 'applied')!.localeCompare(date(b, 'applied')!));
}

const facts = (ledger: Ledger, id: number) =>
  one<{ gender: string | null; birthDate: string | null; phone: string | null }>(ledger, 'SELECT a.gender, a.birth_date AS birthDate, o.phone FROM applicants a JOIN orgs o ON o.id = a.org_id WHERE a.id = ?', id)!;

export function admissionData(ledger: Ledger, scope: Scope, opts: QueryOptions): AdmissionData {
  const branches = new Map<string, AdmissionData['branches'][number]>();
  for (const p of people(ledger, scope, opts)) {
    const at = (step: string) => p.steps.find((s) => s.step === step)?.date ?? null;
    const f = facts(ledger, p.id);
    if (!branches.has(p.org)) branches.set(p.org, { name: p.org, people: [] });
    branches.get(p.org)!.people.push({
      name: p.name, gender: f.gender, birthDate: f.birthDate, appliedOn: at('applied')!, talkedOn: at('talked'), activistOn: at('activist'),
      sponsors: p.sponsors.join('、'), reviews: p.steps.filter((s) => s.step === 'review').map((s) => s.date).join('\n'),
      candidateOn: at('candidate'), politicalReviewOn: at('politicalReview'),
      training: p.trainingDays !== null ? `${p.trainingDays} 天` : p.trainingHours !== null ? `${p.trainingHours} 学时` : '',
      introducers: p.introducers.join('、'), publicity: p.publicityFrom ? `${p.publicityFrom}至${p.publicityTo ?? ''}` : '',
      admittedOn: at('admitted'), approvedOn: at('approved'), stage: ADMISSION_STAGE_LABELS[p.stage], warnings: p.warnings.join('；'),
    });
  }
  return { ...headerFor(scope, opts), branches: [...branches.values()] };
}

/** A notice for each 发展对象 not yet admitted whose next step is the 公示 or the branch meeting. */
export function admissionNoticeData(ledger: Ledger, scope: Scope, opts: QueryOptions): AdmissionNoticeData {
  const due = people(ledger, scope, opts).filter((p) => p.stage === 'candidate' && (p.next?.step === 'publicity' || p.next?.step === 'admitted'));
  return {
    ...headerFor(scope, opts),
    notices: due.map((p) => {
      const f = facts(ledger, p.id);
      const at = (step: string) => p.steps.find((s) => s.step === step)?.date ?? null;
      return {
        branch: p.org, phone: f.phone, name: p.name, gender: f.gender, birthDate: f.birthDate, appliedOn: at('applied')!, activistOn: at('activist'),
        candidateOn: at('candidate'), introducers: p.introducers.join('、'), publicityFrom: p.publicityFrom, publicityTo: p.publicityTo,
      };
    }),
  };
}
