// 工作计划和总结: each org of the scope (党小组 aside) with the year's plan, arrangements and summary.
import { activityTypeLabel } from '../../../shared/domain/activity-types';
import { isBranchType } from '../../../shared/domain/org';
import type { PlanEntry } from '../../../shared/api/plans';
import type { PlansData, PlanText } from '../../../shared/reports/registers/plans';
import { listActivityTypes } from '../../ledger/activities';
import type { Ledger } from '../../ledger/ledger';
import { planRecords } from '../../ledger/plans';
import { headerFor, type Scope } from '../scope';
import type { QueryOptions } from './options';

const text = (e: PlanEntry | null): PlanText | null => (e ? { title: e.title, content: e.content, submittedOn: e.submittedOn, fileName: e.file?.fileName ?? null, late: e.late } : null);

export function plansData(ledger: Ledger, scope: Scope, opts: QueryOptions): PlansData {
  const start = `${scope.year}-01-01`;
  const live = scope.orgs.filter((o) => o.type !== 'group' && (!o.dissolvedOn || o.dissolvedOn >= start));
  const types = listActivityTypes(ledger);
  // Every branch (a missing plan shows as such); the committees above them when they keep their own.
  const records = planRecords(ledger, live.map((o) => o.id), scope.year)
    .map((r, i) => ({ ...r, org: live[i]! }))
    .filter((r) => isBranchType(r.org.type) || r.plan || r.summary || r.arrangements.length);
  return {
    ...headerFor(scope, opts),
    year: scope.year,
    orgs: records.map((r) => ({
      org: r.org.name,
      plan: text(r.plan),
      summary: text(r.summary),
      arrangements: r.arrangements.map((a) => ({
        month: a.month, title: a.title, activityType: a.activityType ? activityTypeLabel(a.activityType, types) : null, plannedOn: a.plannedOn,
        done: a.activities.map((x) => `${Number(x.date.slice(5, 7))}月${Number(x.date.slice(8))}日 ${x.topic}`),
      })),
    })),
  };
}
