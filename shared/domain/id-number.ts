import { today as todayIso } from '../dates';

// 公民身份号码 (GB 11643-1999): 17 digits and a check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdProblem = 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_BIRTH_RANGE';

/** Earliest birth date an ID number of a living member may carry. */
const ID_BIRTH_MIN = '1900-01-01';

/**
 * Checks an 18-character number; returns the problem, or null when it is sound. A valid check
 * digit does not make a birth date after `today` or before 1900 true (ID_BIRTH_RANGE).
 */
export function idNumberProblem(id: string, today: string = todayIso()): IdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'ID_FORMAT';
  const birth = idBirthDate(id);
  if (!birth) return 'ID_FORMAT';
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return 'ID_CHECKSUM';
  return birth > today || birth < ID_BIRTH_MIN ? 'ID_BIRTH_RANGE' : null;
}

/** The one Chinese sentence for each problem, for the form, the services and the importer. */
export function idProblemMessage(problem: IdProblem, id: string): string {
  if (problem === 'ID_FORMAT') return '身份证号应为 18 位：17 位数字加 1 位数字或 X';
  if (problem === 'ID_CHECKSUM') return '身份证号校验位不正确，请核对每一位';
  const birth = idBirthDate(id);
  return birth && birth >= ID_BIRTH_MIN
    ? `身份证号中的出生日期 ${birth} 晚于今天，号码有误，请对照身份证核对`
    : `身份证号中的出生日期 ${birth ?? ''} 早于 1900 年，号码有误，请对照身份证核对`;
}

/** Upgrades a 15-digit legacy number (YYMMDD born in 19xx) to 18 characters. */
export function upgradeLegacyId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** The birth date digits 7–14 as 'YYYY-MM-DD', or null when they are no real date. */
export function idBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1880 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Digit 17: odd = male, even = female. */
export function idGender(id: string): '男' | '女' {
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}

/** 110101********123X: keeps the region and the last four, for printed registers on request. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return id;
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
