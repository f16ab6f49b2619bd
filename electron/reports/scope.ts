// Which orgs and which dates a register covers: one org, an org and its descendants, or the whole
// street; a year or a date range.
import dayjs from 'dayjs';
import { LedgerError } from '../../shared/errors';
import { today } from '../../shared/dates';
import { isBranchType } from '../../shared/domain/org';
import type { Period } from '../../shared/reports/conventions';
import type { ReportHeader } from '../../shared/reports/registers/common';
import type { Ledger } from '../ledger/ledger';
import { type OrgRow, listOrgs } from '../ledger/orgs';

export type ReportRequestScope = {
  /** null or absent: the whole street. */
  orgId?: number | null;
  /** Default true: the org and every org under it. */
  includeDescendants?: boolean;
};

export type ReportRequestPeriod = { year?: number; from?: string; to?: string };

export type Scope = {
  /** The org the register is for (the street committee for the whole street). */
  root: OrgRow;
  /** Every org covered, in tree order (parents before children, siblings by sort order). */
  orgs: OrgRow[];
  orgIds: Set<number>;
  /** The basic units (党支部, 联合党支部, 临时党支部) covered, in tree order. */
  branches: OrgRow[];
  period: Period;
  /** The snapshot date of "as of" registers: the period's end, or today when that is later. */
  asOf: string;
  /** The period's calendar year (registers by year: attendance, appraisal, contracts). */
  year: number;
};

/** Orgs in tree order: depth first, siblings by sort order then id. */
export function treeOrder(orgs: OrgRow[]): OrgRow[] {
  const byParent = new Map<number | null, OrgRow[]>();
  for (const o of orgs) {
    const k = o.parentId;
    if (!byParent.has(k)) byParent.set(k, []);
    byParent.get(k)!.push(o);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const ids = new Set(orgs.map((o) => o.id));
  const out: OrgRow[] = [];
  const walk = (o: OrgRow) => {
    out.push(o);
    for (const c of byParent.get(o.id) ?? []) walk(c);
  };
  for (const o of orgs) if (o.parentId === null || !ids.has(o.parentId)) if (!out.includes(o)) walk(o);
  return out;
}

export function resolvePeriod(p: ReportRequestPeriod, now = today()): Period {
  if (p.from || p.to) {
    const from = p.from ?? `${(p.to ?? now).slice(0, 4)}-01-01`;
    const to = p.to ?? now;
    if (!dayjs(from).isValid() || !dayjs(to).isValid() || from > to) {
      throw new LedgerError('INVALID_PERIOD', `期间不正确：${from} 至 ${to}。开始日期不能晚于结束日期。`);
    }
    return { from, to };
  }
  const year = p.year ?? Number(now.slice(0, 4));
  if (!Number.isInteger(year) || year < 1921 || year > 2200) throw new LedgerError('INVALID_PERIOD', `年份不正确：${year}`);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function resolveScope(ledger: Ledger, scope: ReportRequestScope, period: ReportRequestPeriod, now = today()): Scope {
  const p = resolvePeriod(period, now);
  // Dissolved orgs still belong to the periods they existed in.
  const all = treeOrder(listOrgs(ledger, { includeDissolved: true }).filter((o) => !o.dissolvedOn || o.dissolvedOn >= p.from));
  let root: OrgRow | undefined;
  let orgs: OrgRow[];
  if (scope.orgId) {
    root = all.find((o) => o.id === scope.orgId);
    if (!root) throw new LedgerError('NOT_FOUND', '找不到这个党组织，或它在所选期间之前已撤销。');
    if (scope.includeDescendants === false) orgs = [root];
    else {
      const ids = new Set([root.id]);
      for (const o of all) if (o.parentId !== null && ids.has(o.parentId)) ids.add(o.id);
      orgs = all.filter((o) => ids.has(o.id));
    }
  } else {
    root = all.find((o) => o.type === 'committee' && o.parentId === null);
    if (!root) throw new LedgerError('EMPTY_LEDGER', '台帐里还没有党组织。请先建立街道党工委和党支部。');
    orgs = all;
  }
  const asOf = p.to < now ? p.to : now;
  return {
    root,
    orgs,
    orgIds: new Set(orgs.map((o) => o.id)),
    branches: orgs.filter((o) => isBranchType(o.type)),
    period: p,
    asOf,
    year: Number(p.to.slice(0, 4)),
  };
}

export function headerFor(scope: Scope, opts: { maskIds?: boolean; printedOn?: string }): ReportHeader {
  return { unit: scope.root.name, period: scope.period, printedOn: opts.printedOn ?? today(), maskIds: opts.maskIds ?? false };
}
