// 年初有计划、月度有安排、年终有总结: each org's yearly plan and summary (text and/or a file, stored
// inside the encrypted ledger like activity attachments), its monthly arrangements — carried out
// when the org records an activity of that type in that month (one without a type: an activity of
// the month whose topic names it) — computed, never ticked — and the branches that lack a plan by
// 1 March or a summary by 31 December.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { isBranchType } from '../../shared/domain/org';
import { PLAN_KIND_LABELS, PLAN_KINDS, type PlanKind, planDeadline } from '../../shared/domain/posts';
import { ArrangementSchema, type ArrangementInput, PlanSaveSchema, type PlanSave } from '../../shared/schemas/posts';
import type { ArrangementEntry, PlanEntry, PlanGap, PlanYear } from '../../shared/api/plans';
import { readUpload } from './attachments';
import type { Ledger } from './ledger';
import { getOrg, listOrgs, orgSubtreeIds } from './orgs';
import { all, mustFind, one, run } from './sql';

type PlanDbRow = { id: number; orgId: number; year: number; kind: PlanKind; title: string; content: string | null; submittedOn: string; fileName: string | null; mime: string | null; size: number | null };
const PLAN_COLUMNS = 'id, org_id AS orgId, year, kind, title, content, submitted_on AS submittedOn, file_name AS fileName, mime, size';

function toEntry(r: PlanDbRow): PlanEntry {
  return {
    id: r.id, kind: r.kind, title: r.title, content: r.content, submittedOn: r.submittedOn,
    file: r.fileName ? { fileName: r.fileName, mime: r.mime!, size: r.size! } : null,
    late: r.submittedOn > planDeadline(r.kind, r.year),
  };
}

/** Saves the org's plan or summary of a year: the first save creates it, later ones replace it (audited). */
export function savePlan(ledger: Ledger, raw: PlanSave): number {
  const input = PlanSaveSchema.parse(raw);
  if (!input.content && !input.file) {
    const kept = one<{ fileName: string | null }>(ledger, 'SELECT file_name AS fileName FROM work_plans WHERE org_id = ? AND year = ? AND kind = ?', input.orgId, input.year, input.kind);
    if (!kept?.fileName || input.file === null) throw new LedgerError('INVALID_INPUT', `请填写${PLAN_KIND_LABELS[input.kind]}的正文，或上传文件。`, { field: 'content' });
  }
  const upload = input.file ? readUpload(input.file.fileName, input.file.dataBase64) : null;
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    const what = `${org.name}${input.year}年${PLAN_KIND_LABELS[input.kind]}`;
    const before = one<PlanDbRow>(ledger, `SELECT ${PLAN_COLUMNS} FROM work_plans WHERE org_id = ? AND year = ? AND kind = ?`, input.orgId, input.year, input.kind);
    const after = { title: input.title, content: input.content, submittedOn: input.submittedOn, fileName: upload ? input.file!.fileName : input.file === null ? null : (before?.fileName ?? null) };
    if (before) {
      ledger.db.prepare('UPDATE work_plans SET title = ?, content = ?, submitted_on = ?, updated_at = ? WHERE id = ?').run(input.title, input.content, input.submittedOn, nowIso(), before.id);
      if (upload || input.file === null) {
        ledger.db.prepare('UPDATE work_plans SET file_name = ?, mime = ?, size = ?, data = ? WHERE id = ?')
          .run(upload ? input.file!.fileName : null, upload?.mime ?? null, upload?.data.length ?? null, upload?.data ?? null, before.id);
      }
      ledger.audit({ action: 'update', entity: 'workPlan', entityId: before.id, summary: `修改${what}`, before: { title: before.title, content: before.content, submittedOn: before.submittedOn, fileName: before.fileName }, after });
      return before.id;
    }
    const id = run(
      ledger,
      'INSERT INTO work_plans (org_id, year, kind, title, content, submitted_on, file_name, mime, size, data, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      input.orgId, input.year, input.kind, input.title, input.content, input.submittedOn,
      upload ? input.file!.fileName : null, upload?.mime ?? null, upload?.data.length ?? null, upload?.data ?? null, nowIso(),
    );
    ledger.audit({ action: 'create', entity: 'workPlan', entityId: id, summary: `报送${what}`, after });
    return id;
  });
}

export function planFile(ledger: Ledger, id: number): { fileName: string; mime: string; data: Buffer } {
  const r = mustFind(one<{ fileName: string | null; mime: string | null; data: Buffer | null }>(ledger, 'SELECT file_name AS fileName, mime, data FROM work_plans WHERE id = ?', id), '这份计划或总结');
  if (!r.fileName || !r.data) throw new LedgerError('NOT_FOUND', '这份计划或总结没有上传文件。');
  return { fileName: r.fileName, mime: r.mime!, data: Buffer.from(r.data) };
}

export function addArrangement(ledger: Ledger, raw: ArrangementInput): number {
  const input = ArrangementSchema.parse(raw);
  if (input.plannedOn && !input.plannedOn.startsWith(input.month)) throw new LedgerError('INVALID_INPUT', `计划日期应在 ${input.month} 月内。`, { field: 'plannedOn' });
  return ledger.tx(() => {
    const org = getOrg(ledger, input.orgId);
    const id = run(ledger, 'INSERT INTO work_arrangements (org_id, month, title, activity_type, planned_on, note, created_at) VALUES (?,?,?,?,?,?,?)',
      input.orgId, input.month, input.title, input.activityType, input.plannedOn, input.note, nowIso());
    ledger.audit({ action: 'create', entity: 'workArrangement', entityId: id, summary: `${org.name}${input.month}月度安排：${input.title}`, after: input });
    return id;
  });
}

/** Voided, not deleted: the audit log keeps what was planned. */
export function voidArrangement(ledger: Ledger, id: number, reason: string | null): void {
  ledger.tx(() => {
    const a = mustFind(one<{ title: string; voidedAt: string | null }>(ledger, 'SELECT title, voided_at AS voidedAt FROM work_arrangements WHERE id = ?', id), '这条月度安排');
    if (a.voidedAt) throw new LedgerError('NO_CHANGE', '这条月度安排已经取消。');
    ledger.db.prepare('UPDATE work_arrangements SET voided_at = ? WHERE id = ?').run(nowIso(), id);
    ledger.audit({ action: 'void', entity: 'workArrangement', entityId: id, summary: `取消月度安排：${a.title}`, after: { reason } });
  });
}

function arrangements(ledger: Ledger, orgIds: readonly number[], year: number): (ArrangementEntry & { orgId: number })[] {
  if (orgIds.length === 0) return [];
  const marks = orgIds.map(() => '?').join(',');
  const rows = all<Omit<ArrangementEntry, 'activities'> & { orgId: number }>(
    ledger,
    `SELECT id, org_id AS orgId, month, title, activity_type AS activityType, planned_on AS plannedOn, note FROM work_arrangements
     WHERE org_id IN (${marks}) AND month LIKE ? AND voided_at IS NULL ORDER BY org_id, month, planned_on IS NULL, planned_on, id`,
    ...orgIds, `${year}-%`,
  );
  const acts = all<{ id: number; orgId: number; type: string; date: string; topic: string }>(
    ledger,
    `SELECT id, org_id AS orgId, type, date, topic FROM activities WHERE org_id IN (${marks}) AND date LIKE ? AND voided_at IS NULL ORDER BY date, id`,
    ...orgIds, `${year}-%`,
  );
  return rows.map((r) => ({
    ...r,
    activities: acts
      .filter((a) => a.orgId === r.orgId && a.date.startsWith(r.month) && (r.activityType ? a.type === r.activityType : a.topic.includes(r.title)))
      .map(({ id, date, topic }) => ({ id, date, topic })),
  }));
}

export function planYear(ledger: Ledger, orgId: number, year: number): PlanYear {
  getOrg(ledger, orgId);
  const rows = all<PlanDbRow>(ledger, `SELECT ${PLAN_COLUMNS} FROM work_plans WHERE org_id = ? AND year = ?`, orgId, year);
  const of = (kind: PlanKind) => rows.find((r) => r.kind === kind);
  const plan = of('plan');
  const summary = of('summary');
  return {
    orgId, year, plan: plan ? toEntry(plan) : null, summary: summary ? toEntry(summary) : null,
    arrangements: arrangements(ledger, [orgId], year).map(({ orgId: _o, ...a }) => a),
  };
}

/** What the 工作计划和总结 register prints for each org of a scope and year. */
export type PlanRecord = { orgId: number; plan: PlanEntry | null; summary: PlanEntry | null; arrangements: ArrangementEntry[] };

export function planRecords(ledger: Ledger, orgIds: readonly number[], year: number): PlanRecord[] {
  const plans = orgIds.length ? all<PlanDbRow>(ledger, `SELECT ${PLAN_COLUMNS} FROM work_plans WHERE year = ? AND org_id IN (${orgIds.map(() => '?').join(',')})`, year, ...orgIds) : [];
  const arr = arrangements(ledger, orgIds, year);
  return orgIds.map((orgId) => {
    const of = (kind: PlanKind) => plans.find((p) => p.orgId === orgId && p.kind === kind);
    const plan = of('plan');
    const summary = of('summary');
    return {
      orgId, plan: plan ? toEntry(plan) : null, summary: summary ? toEntry(summary) : null,
      arrangements: arr.filter((a) => a.orgId === orgId).map(({ orgId: _o, ...a }) => a),
    };
  });
}

/**
 * Branches (under `scopeOrgId`, or the whole street) that existed at a deadline of `year` already
 * passed on `on` and had no plan (summary) by then, or handed it in late.
 */
export function planGaps(ledger: Ledger, year: number, opts: { orgId?: number | null; on?: string } = {}): PlanGap[] {
  const on = opts.on ?? today();
  const scope = opts.orgId ? new Set(orgSubtreeIds(ledger, opts.orgId, { includeDissolved: true })) : null;
  const branches = listOrgs(ledger, { includeDissolved: true }).filter((o) => isBranchType(o.type) && (!scope || scope.has(o.id)));
  const submitted = new Map(all<{ orgId: number; kind: PlanKind; submittedOn: string }>(
    ledger, 'SELECT org_id AS orgId, kind, submitted_on AS submittedOn FROM work_plans WHERE year = ?', year,
  ).map((r) => [`${r.orgId}:${r.kind}`, r.submittedOn]));
  return PLAN_KINDS.flatMap((kind) => {
    const deadline = planDeadline(kind, year);
    if (on <= deadline) return [];
    return branches
      .filter((o) => (!o.foundedOn || o.foundedOn <= deadline) && (!o.dissolvedOn || o.dissolvedOn > deadline))
      .flatMap((o): PlanGap[] => {
        const at = submitted.get(`${o.id}:${kind}`) ?? null;
        if (at !== null && at <= deadline) return [];
        return [{ orgId: o.id, orgName: o.name, kind, deadline, state: at === null ? 'missing' : 'late', submittedOn: at }];
      });
  });
}
