// Step 6: write the plan — every row in ONE transaction through the member and org services, so
// an exception half-way (or a killed process) leaves the ledger exactly as it was.
import { type OrgCategory } from '../../shared/domain/org';
import type { Ledger } from '../ledger/ledger';
import { today } from '../../shared/dates';
import { confirmMember, createMember, insertMember, updateMember } from '../ledger/members';
import { createOrg, ensureWorkingCommittee, findOrgByName } from '../ledger/orgs';
import { writeExtraFields } from './extras';
import { factsOf, memberInput, type ImportPlan, type PlannedRow } from './plan';

export type CommitOptions = {
  /** --skip-invalid: write the valid rows even when others have errors. */
  skipInvalid?: boolean;
  /** Called as rows are written; throwing from it aborts the whole import (nothing is kept). */
  onProgress?: (done: number, total: number) => void;
};

export type CommitResult = {
  written: boolean;
  created: number;
  updated: number;
  unchanged: number;
  orgsCreated: string[];
};

/** A guess at the category of a branch the import creates, from its name. */
function categoryFromName(name: string): OrgCategory | null {
  if (/社区|村/.test(name)) return 'community';
  if (/机关|事业|学校|医院|街道/.test(name)) return 'institution';
  if (/非公|企业|公司|厂/.test(name)) return 'nonPublic';
  if (/社会组织|协会|商会|学会/.test(name)) return 'socialOrg';
  return null;
}

function branchType(name: string): 'branch' | 'jointBranch' | 'temporaryBranch' {
  if (name.endsWith('联合党支部')) return 'jointBranch';
  if (name.endsWith('临时党支部')) return 'temporaryBranch';
  return 'branch';
}

/** Whether the plan may be written: no errors, or the clerk chose to skip the rows that have them. */
export function mayCommit(plan: ImportPlan, opts: CommitOptions): boolean {
  // A file-level problem (no data, not a member list …) writes nothing, not even an audit entry.
  if (plan.analysis.fileErrors.length > 0) return false;
  return plan.counts.rejected === 0 || Boolean(opts.skipInvalid);
}

export function commitPlan(ledger: Ledger, plan: ImportPlan, opts: CommitOptions = {}): CommitResult {
  if (!mayCommit(plan, opts)) return { written: false, created: 0, updated: 0, unchanged: 0, orgsCreated: [] };
  const toWrite = plan.rows.filter((r) => r.action === 'create' || r.action === 'update');
  const date = plan.options.today!;
  const file = plan.analysis.file;
  const note = `导入花名册《${file}》`;
  const total = toWrite.length;
  // The plan's checks hold at the commit unless its today is later than the clock's (DATE_FUTURE).
  const trusted = date <= today();
  return ledger.tx(() => {
    const checkedBranches = new Set<number>();
    const orgIds = new Map<string, number>();
    const orgsCreated: string[] = [];
    const orgIdFor = (row: PlannedRow): number => {
      const name = row.branch!;
      let id = orgIds.get(name);
      if (id !== undefined) return id;
      id = findOrgByName(ledger, name)?.id;
      if (id === undefined) {
        id = createOrg(ledger, {
          parentId: ensureWorkingCommittee(ledger), name, type: branchType(name), category: categoryFromName(name),
          note: `由${note}时自动建立`,
        });
        orgsCreated.push(name);
      }
      orgIds.set(name, id);
      return id;
    };

    let done = 0;
    let created = 0;
    let updated = 0;
    opts.onProgress?.(0, total);
    for (const row of toWrite) {
      const orgId = orgIdFor(row);
      const values = row.source.values;
      if (row.action === 'create') {
        const facts = trusted ? factsOf(row, orgId) : undefined;
        const id = facts
          ? insertMember(ledger, facts, { audit: false, checkedBranches })
          : createMember(ledger, { ...memberInput(values), name: values.name!, kind: values.kind!, orgId }, { audit: false });
        if (values.extras) writeExtraFields(ledger, id, values.extras, note);
        created++;
      } else {
        const input = memberInput(values);
        // 预备 → 正式 is the dated 'confirmed' event of the member's history, not a field edit.
        const confirms = row.changes.some((c) => c.field === 'kind') && input.kind === 'full' && input.confirmedOn !== undefined;
        const patch: Record<string, unknown> = {};
        for (const c of row.changes) {
          if (c.field === 'extra') continue;
          if (c.field === 'org' || (confirms && (c.field === 'kind' || c.field === 'confirmedOn'))) continue;
          patch[c.field] = input[c.field];
        }
        const moved = row.changes.some((c) => c.field === 'org');
        if (Object.keys(patch).length > 0 || moved) updateMember(ledger, row.memberId!, { ...patch, ...(moved ? { orgId } : {}) }, { date, note });
        if (confirms) confirmMember(ledger, row.memberId!, { date: input.confirmedOn!, note });
        if (values.extras && row.changes.some((c) => c.field === 'extra')) writeExtraFields(ledger, row.memberId!, values.extras, note);
        updated++;
      }
      done++;
      if (done % 200 === 0 || done === total) opts.onProgress?.(done, total);
    }
    const counts = plan.counts;
    const unchanged = counts.unchanged;
    const skipped = counts.rejected;
    ledger.audit({
      action: 'import',
      entity: 'member',
      summary: `导入花名册《${file}》：共 ${counts.rows} 行，新增 ${created} 人，更新 ${updated} 人，无变化 ${unchanged} 人${skipped ? `，跳过有错误的 ${skipped} 行` : ''}${orgsCreated.length ? `，新建党支部 ${orgsCreated.length} 个` : ''}`,
      after: {
        file, format: plan.analysis.format, rows: counts.rows, valid: counts.valid, created, updated, unchanged, skipped,
        orgsCreated, createOrgs: Boolean(plan.options.createOrgs), org: plan.options.org ?? null,
      },
    });
    return { written: true, created, updated, unchanged, orgsCreated };
  });
}
