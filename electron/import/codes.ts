// The problem codes of the member import (the contract of issue 3) and how a clerk reads them.
export const ERROR_CODES = [
  'NAME_MISSING', 'ID_MISSING', 'ID_FORMAT', 'ID_CHECKSUM', 'ID_BIRTH_RANGE', 'ID_PRECISION_LOST', 'ID_DUPLICATE_IN_FILE',
  'BIRTH_MISMATCH', 'GENDER_MISMATCH', 'DATE_INVALID', 'DATE_ORDER', 'DATE_FUTURE', 'KIND_INVALID',
  'PROBATION_WITH_DATE', 'ORG_UNKNOWN',
  // Beyond the contract's list, where it is silent: a value the member service refuses (too long
  // …), and a row that would move a member who has left the street or the Party.
  'TEXT_INVALID', 'MEMBER_INACTIVE',
  // Issue 14: neither a kind nor a join date says whether the person is 正式 or 预备.
  'KIND_MISSING',
  // Issue 12: a dues spreadsheet (import/dues.ts) names someone the ledger has not, or a month
  // the ledger cannot take.
  'MEMBER_NOT_FOUND', 'NAME_MISMATCH', 'MONTH_ALREADY_PAID', 'AMOUNT_INVALID', 'MONTH_NOT_OWED', 'NO_DUES_BASE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const WARNING_CODES = [
  'DATE_PARTIAL', 'ID_LEGACY15', 'PHONE_FORMAT', 'FULL_MEMBER_NO_DATE',
  // Issue 14: two columns for one fact that disagree; an 人员类别 the ledger has no category for.
  'COLUMN_CONFLICT', 'CATEGORY_UNKNOWN',
  // Issue 17: a 学历/民族/工作岗位 that maps onto no entry of its code list.
  'VALUE_NOT_IN_LIST',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type IssueCode = ErrorCode | WarningCode;

/** Short Chinese titles, for the preview legend and the rejects file. */
export const ISSUE_TITLES: Record<IssueCode, string> = {
  NAME_MISSING: '缺少姓名',
  ID_MISSING: '缺少身份证号',
  ID_FORMAT: '身份证号格式不对',
  ID_CHECKSUM: '身份证号校验位不对',
  ID_BIRTH_RANGE: '身份证号中的出生日期不可能',
  ID_PRECISION_LOST: '身份证号被 Excel 改坏了',
  ID_DUPLICATE_IN_FILE: '身份证号重复',
  BIRTH_MISMATCH: '出生日期与身份证号不符',
  GENDER_MISMATCH: '性别与身份证号不符',
  DATE_INVALID: '日期无法识别',
  DATE_ORDER: '日期先后不对',
  DATE_FUTURE: '日期晚于今天',
  KIND_INVALID: '人员类别不对',
  PROBATION_WITH_DATE: '预备党员不应有转正日期',
  ORG_UNKNOWN: '党支部不在台帐中',
  TEXT_INVALID: '内容不符合要求',
  MEMBER_INACTIVE: '党员已转出或不在党内',
  DATE_PARTIAL: '日期只有年月',
  ID_LEGACY15: '15 位旧身份证号已升级',
  PHONE_FORMAT: '电话号码格式存疑',
  FULL_MEMBER_NO_DATE: '正式党员缺少转正日期',
  KIND_MISSING: '缺少人员类别',
  COLUMN_CONFLICT: '两列不一致',
  CATEGORY_UNKNOWN: '人员分类无法对应',
  VALUE_NOT_IN_LIST: '不在代码表中',
  MEMBER_NOT_FOUND: '台帐中没有这名党员',
  NAME_MISMATCH: '姓名与身份证号不符',
  MONTH_ALREADY_PAID: '该月党费已交',
  AMOUNT_INVALID: '金额不对',
  MONTH_NOT_OWED: '该月不在本组织交纳',
  NO_DUES_BASE: '没有交纳基数',
};

/** Problems of the whole file, said once: nothing is written while there is one. */
export const FILE_ERROR_CODES = ['NO_DATA', 'NO_ID_COLUMN', 'NOT_A_MEMBER_LIST', 'NOT_A_DUES_LIST'] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export type FileError = { sheet: string | null; code: FileErrorCode; message: string };

export function isErrorCode(code: IssueCode): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
