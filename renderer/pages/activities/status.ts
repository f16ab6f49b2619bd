// How a period's status looks: the same colours in the matrix, the drawer, the calendar and the panel.
import type { PeriodResult } from '../../../shared/rules';

export type CellTone = 'met' | 'missing' | 'pending' | 'idle';

export const TONE_LABEL: Record<CellTone, string> = { met: '已完成', missing: '未完成', pending: '本期进行中', idle: '不需开展' };

export const REASON_LABEL: Record<NonNullable<PeriodResult['reason']>, string> = {
  current: '本期尚未结束',
  future: '尚未开始',
  beforeFounded: '组织尚未成立或成立不满一期',
  afterDissolved: '组织已撤销',
  notApplicable: '不适用（没有党小组或党员）',
};

export function toneOf(p: Pick<PeriodResult, 'status' | 'reason'>): CellTone {
  if (p.status === 'met') return 'met';
  if (p.status === 'missing') return 'missing';
  return p.reason === 'current' ? 'pending' : 'idle';
}

/** Several rules in one cell: any gap is a gap; all met is met; something still open is pending. */
export function combineTones(tones: CellTone[]): CellTone {
  if (tones.length === 0) return 'idle';
  if (tones.includes('missing')) return 'missing';
  if (tones.includes('pending')) return 'pending';
  return tones.includes('met') ? 'met' : 'idle';
}
