// Words and colours of the 责任书与考核 pages, and the address of each view.
import type { ContractStatus } from '../../../shared/api/assessment';
import type { ContractLevel } from '../../../shared/assessment';
import { navigate } from '../../router';

export const CURRENT_YEAR = new Date().getFullYear();

export const TABS = [
  { key: 'template', label: '责任书模板' },
  { key: 'contracts', label: '下达与签订' },
  { key: 'summary', label: '考核汇总' },
  { key: 'appraisal', label: '民主评议党员' },
  { key: 'reviews', label: '述职评议' },
  { key: 'commendations', label: '表彰' },
] as const;
export type TabKey = (typeof TABS)[number]['key'];

export function goAssessment(opts: { year?: number; tab?: TabKey; level?: ContractLevel }): void {
  const q = new URLSearchParams();
  if (opts.year !== undefined && opts.year !== CURRENT_YEAR) q.set('year', String(opts.year));
  if (opts.tab && opts.tab !== 'template') q.set('tab', opts.tab);
  if (opts.level === 'community') q.set('level', opts.level);
  const s = q.toString();
  navigate(`/assessment${s ? `?${s}` : ''}`);
}

export function scoreHref(contractId: number): string {
  return `/assessment/score/${contractId}`;
}

const GRADE_COLORS = ['red', 'orange', 'blue', 'default', 'default', 'default', 'default', 'default'];

/** The tag colour of a grade: by its place in the bands (first band red, then orange, blue, grey). */
export function gradeColor(grade: string, bands: readonly { grade: string }[]): string {
  const i = bands.findIndex((b) => b.grade === grade);
  return GRADE_COLORS[i < 0 ? 3 : i] ?? 'default';
}

export const STATUS_TAGS: Record<ContractStatus, { label: string; color: string }> = {
  notScored: { label: '未评分', color: 'default' },
  draft: { label: '评分中', color: 'processing' },
  confirmed: { label: '已确认', color: 'success' },
};

/** 9.17, 10, 0.5: at most two decimals, no trailing zeros. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 100) / 100);
}
