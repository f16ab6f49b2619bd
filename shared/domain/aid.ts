// 五助二扶一带 (seed 000/003): the eight kinds of help a household or person is given, the kinds of
// helper, what a donation station takes in, and the ways a 流动党员's contact person keeps in touch
// (定人定期联系). Codes are stored; the labels print.

export const AID_CATEGORIES = ['study', 'poverty', 'disability', 'elderly', 'migrantWorker', 'reemployment', 'lowIncome', 'probation'] as const;
export type AidCategory = (typeof AID_CATEGORIES)[number];

export const AID_CATEGORY_LABELS: Record<AidCategory, string> = {
  study: '助学',
  poverty: '助贫',
  disability: '助残',
  elderly: '助老',
  migrantWorker: '助民工',
  reemployment: '扶下岗职工就业',
  lowIncome: '扶低保户脱贫',
  probation: '带好两劳帮教对象',
};

/** Who gave the help: a member, a Party org, or a partner unit (共建单位, by name). */
export const AID_HELPER_KINDS = ['member', 'org', 'partner'] as const;
export type AidHelperKind = (typeof AID_HELPER_KINDS)[number];
export const AID_HELPER_KIND_LABELS: Record<AidHelperKind, string> = { member: '党员', org: '党组织', partner: '共建单位' };

/** 款 (money) or 物 (goods valued in 元). */
export const DONATION_KINDS = ['money', 'goods'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];
export const DONATION_KIND_LABELS: Record<DonationKind, string> = { money: '款', goods: '物' };

export const CONTACT_WAYS = ['phone', 'wechat', 'visit', 'letter'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];
export const CONTACT_WAY_LABELS: Record<ContactWay, string> = { phone: '电话', wechat: '微信', visit: '走访', letter: '信函' };

/** The calendar quarter of a date: { year, quarter 1–4, start, end } ('YYYY-MM-DD'). */
export function quarterOf(date: string): { year: number; quarter: number; start: string; end: string } {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return { year, quarter, ...quarterRange(year, quarter) };
}

export function quarterRange(year: number, quarter: number): { start: string; end: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = [31, 30, 30, 31][quarter - 1]!;
  return { start: `${year}-${String(first).padStart(2, '0')}-01`, end: `${year}-${String(last).padStart(2, '0')}-${lastDay}` };
}

export const QUARTER_LABELS = ['一季度', '二季度', '三季度', '四季度'] as const;
