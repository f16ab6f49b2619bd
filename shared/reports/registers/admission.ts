// 发展党员工作台帐: one row per person in each branch, every step's date. 公示 notice: one A4 page
// per 发展对象 due for publicity or awaiting the branch meeting — the branch, the person's facts,
// the period (blank lines to fill in when not yet set) and the contact phone.
import { chineseDate } from '../conventions';
import type { Column, GridCell, RegisterDoc, Section, TableBlock } from '../model';
import { type ReportHeader, maskerOf, registerDoc, tableSection } from './common';

type AdmissionLine = {
  name: string;
  gender: string | null;
  birthDate: string | null;
  appliedOn: string;
  talkedOn: string | null;
  activistOn: string | null;
  sponsors: string;
  reviews: string;
  candidateOn: string | null;
  politicalReviewOn: string | null;
  training: string;
  introducers: string;
  publicity: string;
  admittedOn: string | null;
  approvedOn: string | null;
  stage: string;
  warnings: string;
};

export type AdmissionData = ReportHeader & { branches: { name: string; people: AdmissionLine[] }[] };

const COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '姓名', wrap: false },
  { header: '性别', kind: 'center' },
  { header: '出生日期', kind: 'date' },
  { header: '递交申请', kind: 'date' },
  { header: '谈话', kind: 'date' },
  { header: '确定积极分子', kind: 'date' },
  { header: '培养联系人', max: 10 },
  { header: '考察', max: 12 },
  { header: '确定发展对象', kind: 'date' },
  { header: '政治审查', kind: 'date' },
  { header: '集中培训', kind: 'center' },
  { header: '入党介绍人', max: 10 },
  { header: '公示', max: 12 },
  { header: '支部大会', kind: 'date' },
  { header: '上级审批', kind: 'date' },
  { header: '阶段', kind: 'center' },
  { header: '提醒', max: 20 },
];

export function buildAdmission(data: AdmissionData): RegisterDoc {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  const mask = maskerOf(data);
  for (const b of data.branches) {
    captions.push({ before: rows.length, text: b.name });
    b.people.forEach((p, i) => rows.push([
      i + 1, p.name, p.gender, mask.birthDate(p.birthDate), p.appliedOn, p.talkedOn, p.activistOn, p.sponsors, p.reviews, p.candidateOn, p.politicalReviewOn,
      p.training, p.introducers, p.publicity, p.admittedOn, p.approvedOn, p.stage, p.warnings,
    ]));
  }
  return registerDoc('admission', data, [
    tableSection('admission', data, 'landscape', [
      { type: 'table', columns: COLUMNS, rows, captions, emptyText: '（期间内没有发展党员工作记录）' },
      { type: 'text', style: 'note', text: '说明：递交申请后一个月内谈话；入党积极分子每半年考察一次，一年以上方可确定为发展对象；集中培训不少于 3 天或 24 学时；入党介绍人 2 人；公示不少于 5 个工作日；支部大会讨论后上级党委 3 个月内审批，最长不超过 6 个月。' },
    ]),
  ]);
}

type AdmissionNotice = {
  branch: string;
  phone: string | null;
  name: string;
  gender: string | null;
  birthDate: string | null;
  appliedOn: string;
  activistOn: string | null;
  candidateOn: string | null;
  introducers: string;
  publicityFrom: string | null;
  publicityTo: string | null;
};

export type AdmissionNoticeData = ReportHeader & { notices: AdmissionNotice[] };

const L = (text: string, span = 1): GridCell => ({ text, label: true, span });
const V = (text: string | null | undefined, span = 1): GridCell => ({ text: text ?? '', span });
const BLANK_DATE = '    年  月  日';

export function buildAdmissionNotice(data: AdmissionNoticeData): RegisterDoc {
  const mask = maskerOf(data);
  const sections: Section[] = data.notices.map((n, i) => ({
    title: `关于拟发展${n.name}同志为中共预备党员的公示`,
    unit: n.branch,
    period: '',
    orientation: 'portrait',
    blocks: [
      { type: 'text', text: `经中共${n.branch}委员会研究，拟发展${n.name}同志为中共预备党员，现将有关情况公示如下：` },
      {
        type: 'grid', widths: [3, 4, 3, 4],
        rows: [
          [L('姓名'), V(n.name), L('性别'), V(n.gender)],
          [L('出生日期'), V(mask.birthDate(n.birthDate)), L('申请入党日期'), V(n.appliedOn)],
          [L('确定为入党积极分子日期'), V(n.activistOn), L('确定为发展对象日期'), V(n.candidateOn)],
          [L('入党介绍人'), V(n.introducers, 3)],
        ],
        heights: [2, 2, 2, 2],
      },
      {
        type: 'text',
        text: `公示时间：${n.publicityFrom ? chineseDate(n.publicityFrom) : BLANK_DATE}至${n.publicityTo ? chineseDate(n.publicityTo) : BLANK_DATE}（不少于 5 个工作日）。` +
          `公示期间，党员和群众可通过来电、来信、来访等方式向党支部反映该同志的情况和问题。反映问题应实事求是，以个人名义反映的应签署真实姓名。`,
      },
      { type: 'text', text: `联系电话：${n.phone ?? '____________'}` },
      { type: 'text', style: 'right', text: `中共${n.branch}委员会` },
      { type: 'text', style: 'right', text: n.publicityFrom ? chineseDate(n.publicityFrom) : BLANK_DATE },
    ],
    sheet: '公示',
    ...(i === 0 ? { toc: '发展党员公示' } : {}),
  }));
  if (sections.length === 0) {
    sections.push({ title: '发展党员公示', unit: data.unit, period: '', orientation: 'portrait', blocks: [{ type: 'text', text: '（没有需要公示的发展对象）' }], sheet: '公示', toc: '发展党员公示' });
  }
  return registerDoc('admission-notice', data, sections);
}
