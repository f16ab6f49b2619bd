// The serving-residents registers: 民情卡登记册 (households), 党员联系户台帐 (contacts), 党员联系卡
// (contact-cards: card-sized, six to an A4 sheet for cutting) and 民情台账 (visits). Phones and
// addresses go through the masking policy like every register's.
import { CONCERN_CATEGORY_LABELS, CONTACT_CARD_PLEDGE, HOUSEHOLD_CATEGORY_LABELS, type ConcernCategory, type HouseholdCategory } from '../../domain/household';
import type { Column, GridCell, RegisterDoc, Section, TableBlock } from '../model';
import { type ReportHeader, maskerOf, periodOf, registerDoc, tableSection } from './common';

const categoryWords = (c: readonly HouseholdCategory[]) => c.map((x) => HOUSEHOLD_CATEGORY_LABELS[x]).join('、');

/** Rows grouped under a caption per org, the way every branch register prints. */
function byOrg<T extends { org: string }>(items: T[], row: (x: T, i: number) => TableBlock['rows'][number]): Pick<TableBlock, 'rows' | 'captions'> {
  const rows: TableBlock['rows'] = [];
  const captions: { before: number; text: string }[] = [];
  let org: string | null = null;
  let i = 0;
  for (const x of items) {
    if (x.org !== org) {
      org = x.org;
      i = 0;
      captions.push({ before: rows.length, text: `${org}（${items.filter((y) => y.org === org).length}）` });
    }
    rows.push(row(x, ++i));
  }
  return { rows, captions };
}

export type HouseholdLine = {
  org: string; head: string; address: string; phone: string | null; people: string; categories: HouseholdCategory[];
  needs: string | null; contacts: string; registeredOn: string; closedOn: string | null; closeReason: string | null;
};
export type HouseholdsData = ReportHeader & { households: HouseholdLine[] };

const HOUSEHOLD_COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '户主', wrap: false },
  { header: '住址', max: 26 },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '家庭成员', max: 20 },
  { header: '类别', max: 14 },
  { header: '需求与意见', max: 30 },
  { header: '联系党员', max: 12 },
  { header: '入册日期', kind: 'date' },
  { header: '注销', max: 18 },
];

export function buildHouseholds(data: HouseholdsData): RegisterDoc {
  const mask = maskerOf(data);
  const table = byOrg(data.households, (h, i) => [
    i, h.head, mask.address(h.address), mask.phone(h.phone), h.people, categoryWords(h.categories), h.needs, h.contacts, h.registeredOn,
    h.closedOn ? `${h.closedOn} ${h.closeReason ?? ''}`.trim() : null,
  ]);
  const closed = data.households.filter((h) => h.closedOn).length;
  const counts = new Map<HouseholdCategory, number>();
  for (const h of data.households) if (!h.closedOn) for (const c of h.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  const byCategory = [...counts].map(([c, n]) => `${HOUSEHOLD_CATEGORY_LABELS[c]} ${n} 户`).join('，');
  return registerDoc('households', data, [
    tableSection('households', data, 'landscape', [
      { type: 'table', columns: HOUSEHOLD_COLUMNS, ...table, emptyText: '（期间内没有登记的民情卡）' },
      { type: 'text', style: 'note', text: `合计：${data.households.length - closed} 户在册${closed ? `，期间内注销 ${closed} 户` : ''}。${byCategory ? `其中${byCategory}（一户可属多类）。` : ''}` },
    ]),
  ]);
}

export type ContactLine = {
  org: string; member: string; head: string; address: string; phone: string | null; categories: HouseholdCategory[];
  fromDate: string; toDate: string | null; visits: number;
};
export type ContactsData = ReportHeader & { contacts: ContactLine[] };

const CONTACT_COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '党员', wrap: false },
  { header: '联系户户主', wrap: false },
  { header: '住址', max: 26 },
  { header: '联系电话', kind: 'code', max: 14 },
  { header: '类别', max: 14 },
  { header: '开始联系', kind: 'date' },
  { header: '结束联系', kind: 'date' },
  { header: '期间走访', kind: 'number' },
];

export function buildContacts(data: ContactsData): RegisterDoc {
  const mask = maskerOf(data);
  const table = byOrg(data.contacts, (c, i) => [i, c.member, c.head, mask.address(c.address), mask.phone(c.phone), categoryWords(c.categories), c.fromDate, c.toDate, c.visits]);
  const members = new Set(data.contacts.map((c) => `${c.org}\u0001${c.member}`)).size;
  return registerDoc('contacts', data, [
    tableSection('contacts', data, 'landscape', [
      { type: 'table', columns: CONTACT_COLUMNS, ...table, emptyText: '（期间内没有党员联系户）' },
      { type: 'text', style: 'note', text: `合计：${members} 名党员联系 ${data.contacts.length} 户次。` },
    ]),
  ]);
}

export type ContactCard = { member: string; branch: string; phone: string | null; households: { head: string; address: string }[] };
export type ContactCardsData = ReportHeader & { cards: ContactCard[] };

/** Six cards to an A4 sheet, two across (each about 9 × 7.5 cm): the grid lines are the cutting lines. */
const CARDS_PER_SHEET = 6;
const CARD_LINES = 12;

function cardText(c: ContactCard, mask: ReturnType<typeof maskerOf>): string {
  const homes = c.households.length
    ? c.households.slice(0, 4).map((h) => `  ${h.head}　${mask.address(h.address) ?? ''}`).concat(c.households.length > 4 ? [`  等 ${c.households.length} 户`] : [])
    : ['  （暂无）'];
  return [
    '党员联系卡',
    `姓名：${c.member}`,
    `支部：${c.branch}`,
    `电话：${mask.phone(c.phone) ?? '—'}`,
    '联系户：',
    ...homes,
    `${CONTACT_CARD_PLEDGE.title}：五带 ${CONTACT_CARD_PLEDGE.fiveLeads.join('、')}；六有 ${CONTACT_CARD_PLEDGE.sixHaves.join('、')}`,
  ].join('\n');
}

export function buildContactCards(data: ContactCardsData): RegisterDoc {
  const mask = maskerOf(data);
  const title = '党员联系卡';
  const sections: Section[] = [];
  for (let i = 0; i < Math.max(1, data.cards.length); i += CARDS_PER_SHEET) {
    const sheet = data.cards.slice(i, i + CARDS_PER_SHEET);
    const rows: GridCell[][] = [];
    for (let k = 0; k < sheet.length; k += 2) rows.push([0, 1].map((d) => ({ text: sheet[k + d] ? cardText(sheet[k + d]!, mask) : '' })));
    sections.push({
      title, unit: data.unit, period: periodOf('contact-cards', data), orientation: 'portrait', sheet: title, toc: i === 0 ? title : undefined,
      blocks: rows.length
        ? [{ type: 'grid', widths: [1, 1], rows, heights: rows.map(() => CARD_LINES) }, { type: 'text', style: 'note', text: '沿表格线裁开，每张一卡。' }]
        : [{ type: 'text', style: 'note', text: '（没有联系群众的党员）' }],
    });
  }
  return registerDoc('contact-cards', data, sections);
}

export type VisitLine = {
  org: string; date: string; head: string; address: string; visitors: string; concernCategory: ConcernCategory; concern: string | null;
  referredTo: string | null; resolvedOn: string | null; resolution: string | null;
};
export type VisitsData = ReportHeader & { visits: VisitLine[] };

const VISIT_COLUMNS: Column[] = [
  { header: '序号', kind: 'number', min: 4 },
  { header: '走访日期', kind: 'date' },
  { header: '户主', wrap: false },
  { header: '住址', max: 22 },
  { header: '走访人', max: 14 },
  { header: '民情类别', kind: 'center' },
  { header: '民情内容', max: 34 },
  { header: '转办', max: 12 },
  { header: '办理结果', max: 22 },
];

export function buildVisits(data: VisitsData): RegisterDoc {
  const mask = maskerOf(data);
  const table = byOrg(data.visits, (v, i) => [
    i, v.date, v.head, mask.address(v.address), v.visitors, CONCERN_CATEGORY_LABELS[v.concernCategory], v.concern, v.referredTo,
    v.resolvedOn ? `${v.resolvedOn} 办结${v.resolution ? `：${v.resolution}` : ''}` : v.referredTo ? '未办结' : null,
  ]);
  const referred = data.visits.filter((v) => v.referredTo);
  const open = referred.filter((v) => !v.resolvedOn).length;
  const homes = new Set(data.visits.map((v) => `${v.org}\u0001${v.head}\u0001${v.address}`)).size;
  return registerDoc('visits', data, [
    tableSection('visits', data, 'landscape', [
      { type: 'table', columns: VISIT_COLUMNS, ...table, emptyText: '（期间内没有走访记录）' },
      { type: 'text', style: 'note', text: `合计：走访 ${data.visits.length} 户次（${homes} 户），转办 ${referred.length} 件，${open ? `未办结 ${open} 件` : '均已办结'}。` },
    ]),
  ]);
}
