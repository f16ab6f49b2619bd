// 党员基本信息采集表: the national form's 16 items, one page per member, signed by the member, the
// collector and the branch secretary.
import { EDUCATION } from '../../domain/member';
import type { GridBlock, GridCell, RegisterDoc, Section } from '../model';
import type { Masker } from '../masking';
import { type ReportHeader, maskerOf, registerDoc } from './common';

export type MemberFormEntry = {
  name: string;
  gender: string | null;
  ethnicity: string | null;
  idNumber: string;
  birthDate: string | null;
  education: string | null;
  /** 正式党员 / 预备党员 */
  kind: string;
  branch: string;
  joinedOn: string | null;
  confirmedOn: string | null;
  job: string | null;
  phone: string | null;
  address: string | null;
  /** 正常 / 停止党籍 */
  standing: string;
  lostContactSince: string | null;
  /** Where a mobile member has gone (流出) or come from (流入); null when not mobile. */
  mobile: string | null;
  note: string | null;
};

export type MemberFormData = ReportHeader & { members: MemberFormEntry[] };

/** '大学' → '21 大学', with the national 2-digit code when the label is on the list. */
export function educationWithCode(label: string | null): string {
  if (!label) return '';
  const e = EDUCATION.find((x) => x.label === label);
  return e ? `${e.code} ${e.label}` : label;
}

const L = (text: string, span = 1): GridCell => ({ text, label: true, span });
const V = (text: string | null | undefined, span = 1): GridCell => ({ text: text ?? '', span });

export function memberFormGrid(m: MemberFormEntry, mask: Masker): GridBlock {
  // Dates in the form's fields are all written 2025-03-07; the month contact was lost alike.
  const lost = m.lostContactSince ? `是（${m.lostContactSince} 起失去联系）` : '否';
  const mobile = m.mobile ? `是（${m.mobile}）` : '否';
  return {
    type: 'grid',
    widths: [3, 4, 3, 4],
    rows: [
      [L('1. 姓名'), V(m.name), L('2. 性别'), V(m.gender)],
      [L('3. 民族'), V(m.ethnicity), L('4. 公民身份号码'), V(mask.id(m.idNumber))],
      [L('5. 出生日期'), V(mask.birthDate(m.birthDate)), L('6. 学历'), V(educationWithCode(m.education))],
      [L('7. 人员类别'), V(m.kind), L('8. 所在党支部'), V(m.branch)],
      [L('9. 加入党组织日期'), V(m.joinedOn), L('10. 转为正式党员日期'), V(m.confirmedOn)],
      [L('11. 工作岗位'), V(m.job), L('12. 联系电话'), V(mask.phone(m.phone))],
      [L('13. 家庭住址'), V(mask.address(m.address), 3)],
      [L('14. 党籍状态'), V(m.standing), L('15. 是否为失联党员'), V(lost)],
      [L('16. 是否为流动党员'), V(mobile, 3)],
      [L('备注'), V(m.note, 3)],
    ],
    heights: [2, 2, 2, 2, 2, 2, 2, 2, 2, 5],
  };
}

export function buildMemberForm(data: MemberFormData): RegisterDoc {
  const mask = maskerOf(data);
  const sections: Section[] = data.members.map((m, i) => ({
    title: '党员基本信息采集表',
    unit: m.branch,
    period: '',
    orientation: 'portrait',
    blocks: [
      memberFormGrid(m, mask),
      { type: 'text', style: 'note', text: '本人对以上信息核对无误。' },
      { type: 'signatures', items: ['党员本人签字：', '信息采集人签字：', '党支部书记签字：'], dated: true },
    ],
    sheet: '党员基本信息采集表',
    ...(i === 0 ? { toc: '党员基本信息采集表' } : {}),
  }));
  if (sections.length === 0) {
    sections.push({ title: '党员基本信息采集表', unit: data.unit, period: '', orientation: 'portrait', blocks: [{ type: 'text', text: '（没有党员）' }], sheet: '党员基本信息采集表', toc: '党员基本信息采集表' });
  }
  return registerDoc('member-form', data, sections);
}
