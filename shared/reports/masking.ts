// The one masking policy of exports (DOMAIN.md, PIPL): what a masked register prints instead of a
// member's personal data, so that nothing in it lets anyone rebuild an ID number or reach the
// person. Every register goes through `masker`, in both formats alike.
import { maskIdNumber } from '../domain/id-number';

/** What a masked export hides part of: the 台帐打印 switch and the audit entry say it. */
export const MASKED_FIELDS = '身份证号、出生日期、联系电话、住址';

/** The footer's left side (PDF and workbook): the document's title, and 「已脱敏」 when masked. */
export function footerTitle(doc: { title: string; masked?: boolean }): string {
  return doc.masked ? `${doc.title}（已脱敏）` : doc.title;
}

/** 13812345678 → 138****5678; other numbers keep their area code and last four digits. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  const digits = s.replace(/\D/g, '').length;
  if (digits <= 4) return s;
  // Area code (before a dash) stays; every digit after it but the last four becomes *.
  const dash = s.indexOf('-');
  let seen = 0;
  return [...s].map((ch, i) => {
    if (!/\d/.test(ch)) return ch;
    seen++;
    return (dash > 0 && i < dash) || seen > digits - 4 ? ch : '*';
  }).join('');
}

/** 1990-03-07 → 1990-03: the day and month of birth are digits 11–14 of the ID. */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : date;
}

const BUILDING = /^.*?\d+\s*(?:幢|栋|号楼|座|号院)/;
const ESTATE = /^.*?(?:小区|新村|花园|家园|公寓|大院|新苑|苑|园|村|里|坊)/;

/**
 * 锦澜街道望江新村22幢1单元1801室 → 锦澜街道望江新村22幢: cut after the building, or else after
 * the estate; an address with neither keeps no house number.
 */
export function maskAddress(address: string): string {
  const s = address.trim();
  const building = BUILDING.exec(s);
  if (building) return building[0];
  const estate = ESTATE.exec(s);
  if (estate && estate[0].length < s.length) return estate[0];
  return s.replace(/[\d一二三四五六七八九十百]+\s*(?:号|室|单元|弄|楼|层).*$/, '').replace(/\d+.*$/, '');
}

export type Masker = {
  masked: boolean;
  id: (id: string | null | undefined) => string;
  birthDate: (date: string | null | undefined) => string | null;
  phone: (phone: string | null | undefined) => string | null;
  address: (address: string | null | undefined) => string | null;
};

const same = (v: string | null | undefined) => v || null;
const nullable = (f: (s: string) => string) => (v: string | null | undefined) => (v ? f(v) : null);

/** The masking functions of an export: the identity when it is not masked. */
export function masker(masked: boolean): Masker {
  if (!masked) return { masked, id: (v) => v ?? '', birthDate: same, phone: same, address: same };
  return { masked, id: (v) => (v ? maskIdNumber(v) : ''), birthDate: nullable(maskBirthDate), phone: nullable(maskPhone), address: nullable(maskAddress) };
}
