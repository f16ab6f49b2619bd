// Checks on a member's own facts, shared by the forms, the services and the importer.
import dayjs from 'dayjs';
import { idBirthDate, idGender, idNumberProblem, idProblemMessage } from './id-number';
import type { MemberKind } from './member';

export type FieldProblem = { field: string; code: string; message: string };

export type MemberFacts = {
  idNumber: string;
  gender?: string | null;
  birthDate?: string | null;
  kind: MemberKind;
  joinedOn?: string | null;
  confirmedOn?: string | null;
};

export function memberProblems(m: MemberFacts, today: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const idProblem = idNumberProblem(m.idNumber, today);
  if (idProblem) out.push({ field: 'idNumber', code: idProblem, message: idProblemMessage(idProblem, m.idNumber) });
  const idBirth = idProblem ? null : idBirthDate(m.idNumber);
  if (idBirth && m.birthDate && m.birthDate !== idBirth) {
    out.push({ field: 'birthDate', code: 'BIRTH_MISMATCH', message: `出生日期与身份证号不符（身份证号为 ${idBirth}）` });
  }
  if (!idProblem && m.gender && m.gender !== idGender(m.idNumber)) {
    out.push({ field: 'gender', code: 'GENDER_MISMATCH', message: `性别与身份证号不符（身份证号为${idGender(m.idNumber)}性）` });
  }
  const birth = m.birthDate ?? idBirth;
  if (m.joinedOn && m.joinedOn > today) out.push({ field: 'joinedOn', code: 'DATE_FUTURE', message: '入党日期不能晚于今天' });
  if (m.confirmedOn && m.confirmedOn > today) out.push({ field: 'confirmedOn', code: 'DATE_FUTURE', message: '转正日期不能晚于今天' });
  if (birth && m.joinedOn && m.joinedOn < dayjs(birth).add(18, 'year').format('YYYY-MM-DD')) {
    out.push({ field: 'joinedOn', code: 'DATE_ORDER', message: '入党日期早于 18 周岁生日' });
  }
  if (m.joinedOn && m.confirmedOn && m.confirmedOn < m.joinedOn) {
    out.push({ field: 'confirmedOn', code: 'DATE_ORDER', message: '转正日期早于入党日期' });
  }
  if (m.kind === 'probationary' && m.confirmedOn) {
    out.push({ field: 'confirmedOn', code: 'PROBATION_WITH_DATE', message: '预备党员不应有转正日期' });
  }
  return out;
}
