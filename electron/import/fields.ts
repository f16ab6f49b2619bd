// The member fields a roster column can hold, and the header spellings clerks use for them.
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField } from '../../shared/api/import';
import { foldWidth } from './text';

export { IMPORT_FIELDS, type ImportField } from '../../shared/api/import';
/** The standard column title of each field: how the wizard and messages name it. */
export const FIELD_LABELS = IMPORT_FIELD_LABELS;

export const DATE_FIELDS: readonly ImportField[] = ['birthDate', 'joinedOn', 'confirmedOn'];

/**
 * Spellings seen in real rosters (the contract's list first). Matched after normalising the header
 * text: widths folded, spaces, line breaks, `*` marks and bracketed remarks removed.
 */
const SPELLINGS: Record<ImportField, string[]> = {
  name: ['姓名', '党员姓名', '名字'],
  gender: ['性别'],
  ethnicity: ['民族'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '身份证', '公民身份证号码', '公民身份证号', '身份证件号码', '证件号码', '居民身份证号码'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '出生时间'],
  nativePlace: ['籍贯'],
  education: ['学历', '文化程度', '最高学历'],
  // 人员类别 is the kind only when its values are 正式/预备 (analyse.ts looks); else the category.
  kind: ['人员类别', '党员类别', '类别', '党员身份', '党籍状态', '党员状态'],
  joinedOn: ['入党日期', '入党时间', '入党年月', '加入党组织日期'],
  confirmedOn: ['转正日期', '转正时间', '转正年月', '转为正式党员日期'],
  org: ['所在党支部', '所在党组织', '党支部', '支部', '所属党支部', '所属支部', '所属党组织', '党组织', '党组织名称', '所在支部', '党支部名称', '支部名称', '所在组织', '组织', '编入党支部', '所在党组织名称'],
  employer: ['工作单位及职务', '工作单位', '单位及职务', '工作单位和职务', '单位', '所在单位', '工作/学习单位', '工作学习单位', '工作或学习单位', '部门', '所在部门'],
  job: ['工作岗位', '岗位'],
  phone: ['联系电话', '手机', '手机号码', '电话', '手机号', '联系方式', '电话号码', '党员本人联系电话', '本人联系电话', '本人手机号码'],
  address: ['现居住地', '家庭住址', '住址', '居住地址', '现住址', '家庭地址', '现居住地址', '联系地址'],
  note: ['备注'],
  category: ['人员分类', '党员分类'],
  extra: [],
};

/** Headers that are known but hold nothing to import (so the wizard does not call them unknown). */
const KNOWN_IGNORED = new Set(['序号', '编号', '顺序号', 'NO', 'NO.']);

export function normaliseHeader(text: string): string {
  return foldWidth(text)
    .replace(/[（(［[【][^）)］\]】]*[）)］\]】]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toUpperCase();
}

const LOOKUP = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const s of SPELLINGS[f]) LOOKUP.set(normaliseHeader(s), f);

/** The field a header names, 'ignore' for 序号 and the like, or null when unknown. */
export function fieldForHeader(text: string): ImportField | 'ignore' | null {
  const key = normaliseHeader(text);
  if (!key) return null;
  if (KNOWN_IGNORED.has(key)) return 'ignore';
  return LOOKUP.get(key) ?? null;
}
