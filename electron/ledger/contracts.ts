// 责任书: a year's template of indicators per level (党支部; 社区党委/党总支), issued to the orgs of
// that level as contracts. Each contract keeps its
// own copy of the indicators, so a branch can be adjusted without touching the others, and a
// template edited after issue changes nothing already issued until it is re-issued with refresh.
// Indicators are retired, never deleted: scores and printed contracts point at them.
import { LedgerError } from '../../shared/errors';
import { nowIso, today } from '../../shared/dates';
import { ORG_TYPE_LABELS, type OrgType } from '../../shared/domain/org';
import {
  CONTRACT_LEVEL_LABELS, CONTRACT_LEVEL_UNITS, type ContractLevel, type Indicator, type ScoringRule, categoryTotals, contractLevelOf, defaultTemplateFor, orgTypesOfLevel,
  parseScoringRule, templateSum, templateSumWarning,
} from '../../shared/assessment';
import {
  ContractAdjustSchema, ContractSignSchema, ContractWithdrawSchema, IssueSchema, TemplateCreateSchema, TemplateSaveSchema,
  type ContractAdjust, type IssueInput, type TemplateCreate, type TemplateSave,
} from '../../shared/schemas/contract';
import type {
  ContractDetail, ContractIndicatorRow, ContractStatus, ContractSummary, IndicatorRow, IssueResult, IssueTarget, TemplateDetail, TemplateSummary,
} from '../../shared/api/assessment';
import type { Ledger } from './ledger';
import { all, mustFind, one, run } from './sql';







type RawIndicator = {
  id: number; category: string; content: string; points: number; ruleText: string | null; source: 'manual' | 'computed';
  metric: string | null; scoring: string; sortOrder: number; templateIndicatorId?: number | null;
};

const INDICATOR_COLUMNS = `id, category, content, points, rule_text AS ruleText, source, metric, scoring, sort_order AS sortOrder`;

function toIndicator<T extends RawIndicator>(r: T): Omit<T, 'scoring' | 'metric'> & { scoring: ScoringRule; metric: Indicator['metric'] } {
  return { ...r, metric: r.metric as Indicator['metric'], scoring: parseScoringRule(r.scoring) };
}

function templateIndicators(ledger: Ledger, templateId: number): IndicatorRow[] {
  return all<RawIndicator>(ledger, `SELECT ${INDICATOR_COLUMNS} FROM template_indicators WHERE template_id = ? AND retired_at IS NULL ORDER BY sort_order, id`, templateId).map(toIndicator);
}

export function contractIndicators(ledger: Ledger, contractId: number): ContractIndicatorRow[] {
  return all<RawIndicator & { templateIndicatorId: number | null }>(
    ledger,
    `SELECT ${INDICATOR_COLUMNS}, template_indicator_id AS templateIndicatorId FROM contract_indicators WHERE contract_id = ? AND retired_at IS NULL ORDER BY sort_order, id`,
    contractId,
  ).map(toIndicator);
}

/** What a person edits of an indicator; two rows with equal keys say the same thing. */
function indicatorKey(i: Indicator): string {
  return JSON.stringify([i.category, i.content, i.points, i.ruleText ?? null, i.source, i.metric ?? null, i.scoring]);
}

function plain(i: IndicatorRow | ContractIndicatorRow): Indicator {
  return { category: i.category, content: i.content, points: i.points, ruleText: i.ruleText, source: i.source, metric: i.metric, scoring: i.scoring };
}

// ——— templates ———

type RawTemplate = { id: number; year: number; level: ContractLevel; title: string; preamble: string | null; copiedFromYear: number | null; updatedAt: string };
const TEMPLATE_SELECT = `SELECT t.id, t.year, t.level, t.title, t.preamble, f.year AS copiedFromYear, t.updated_at AS updatedAt
  FROM contract_templates t LEFT JOIN contract_templates f ON f.id = t.copied_from`;

export function listTemplates(ledger: Ledger): TemplateSummary[] {
  return all<RawTemplate>(ledger, `${TEMPLATE_SELECT} ORDER BY t.year DESC, t.level = 'community', t.id`).map((t) => {
    const indicators = templateIndicators(ledger, t.id);
    const contractCount = one<{ n: number }>(ledger, 'SELECT count(*) AS n FROM contracts WHERE template_id = ? AND withdrawn_at IS NULL', t.id)!.n;
    return {
      id: t.id, year: t.year, level: t.level, title: t.title, copiedFromYear: t.copiedFromYear, updatedAt: t.updatedAt,
      indicatorCount: indicators.length, sum: templateSum(indicators), warning: templateSumWarning(indicators), contractCount,
    };
  });
}

type TemplateRef = { id: number } | { year: number; level?: ContractLevel };

function findTemplate(ledger: Ledger, ref: TemplateRef): RawTemplate | undefined {
  if ('id' in ref) return one<RawTemplate>(ledger, `${TEMPLATE_SELECT} WHERE t.id = ?`, ref.id);
  return one<RawTemplate>(ledger, `${TEMPLATE_SELECT} WHERE t.year = ? AND t.level = ?`, ref.year, ref.level ?? 'branch');
}

/** "2025 年度社区党委/党总支责任书模板", "2025 年度党支部责任书模板". */
const templateWords = (year: number, level: ContractLevel) => `${year} 年度${CONTRACT_LEVEL_LABELS[level]}责任书模板`;

export function getTemplate(ledger: Ledger, ref: TemplateRef): TemplateDetail | null {
  const t = findTemplate(ledger, ref);
  if (!t) return null;
  const indicators = templateIndicators(ledger, t.id);
  return {
    ...t, indicators, sum: templateSum(indicators), warning: templateSumWarning(indicators), categories: categoryTotals(indicators),
    contracts: listContracts(ledger, { templateId: t.id, includeWithdrawn: true }),
  };
}

function insertIndicator(ledger: Ledger, table: 'template_indicators' | 'contract_indicators', ownerId: number, i: Indicator, sortOrder: number, templateIndicatorId?: number | null): number {
  const owner = table === 'template_indicators' ? 'template_id' : 'contract_id';
  const extraCol = table === 'contract_indicators' ? ', template_indicator_id' : '';
  const extraVal = table === 'contract_indicators' ? ', ?' : '';
  const params: unknown[] = [ownerId, i.category, i.content, i.points, i.ruleText ?? null, i.source, i.metric ?? null, JSON.stringify(i.scoring), sortOrder];
  if (table === 'contract_indicators') params.push(templateIndicatorId ?? null);
  return run(ledger, `INSERT INTO ${table} (${owner}, category, content, points, rule_text, source, metric, scoring, sort_order${extraCol}) VALUES (?,?,?,?,?,?,?,?,?${extraVal})`, ...params);
}

/**
 * Makes the live indicators of a template or contract equal to `next`, in its order: rows with an
 * id are updated in place, new rows inserted, rows left out retired. Returns what changed.
 */
function syncIndicators(ledger: Ledger, table: 'template_indicators' | 'contract_indicators', ownerId: number, current: readonly IndicatorRow[], next: readonly Indicator[]): { added: number; changed: number; retired: number } {
  const byId = new Map(current.map((c) => [c.id, c]));
  const kept = new Set<number>();
  const replacedIds = new Set<number>();
  let added = 0;
  let changed = 0;
  next.forEach((i, sortOrder) => {
    const existing = i.id !== undefined ? byId.get(i.id) : undefined;
    if (i.id !== undefined && !existing) throw new LedgerError('NOT_FOUND', `找不到指标“${i.content}”，可能已被其他人删除。请刷新后重试。`);
    if (!existing) {
      insertIndicator(ledger, table, ownerId, i, sortOrder);
      added += 1;
      return;
    }
    const edited = indicatorKey(plain(existing)) !== indicatorKey(i);
    if (edited) changed += 1;
    const linked = table === 'contract_indicators' && (existing as ContractIndicatorRow).templateIndicatorId !== null;
    if (edited && linked) {
      // A branch's own change of a template line: the template's line is dropped for this branch
      // (retired, still linked) and the branch's version stands beside it, unlinked, so a later
      // refresh from the template neither restores the old line nor overwrites the new one.
      const replacement = insertIndicator(ledger, table, ownerId, i, sortOrder, null);
      ledger.db.prepare('UPDATE contract_indicators SET retired_at = ? WHERE id = ?').run(nowIso(), existing.id);
      ledger.db.prepare('UPDATE assessment_scores SET contract_indicator_id = ? WHERE contract_indicator_id = ?').run(replacement, existing.id);
      replacedIds.add(existing.id);
      return;
    }
    kept.add(existing.id);
    if (!edited && existing.sortOrder === sortOrder) return;
    ledger.db.prepare(`UPDATE ${table} SET category = ?, content = ?, points = ?, rule_text = ?, source = ?, metric = ?, scoring = ?, sort_order = ? WHERE id = ?`)
      .run(i.category, i.content, i.points, i.ruleText ?? null, i.source, i.metric ?? null, JSON.stringify(i.scoring), sortOrder, existing.id);
  });
  const at = nowIso();
  let retired = 0;
  for (const c of current) {
    if (kept.has(c.id) || replacedIds.has(c.id)) continue;
    ledger.db.prepare(`UPDATE ${table} SET retired_at = ? WHERE id = ?`).run(at, c.id);
    retired += 1;
  }
  return { added, changed, retired };
}

function changeWords(d: { added: number; changed: number; retired: number }): string {
  const parts = [d.added && `新增 ${d.added} 项`, d.changed && `修改 ${d.changed} 项`, d.retired && `删除 ${d.retired} 项`].filter(Boolean);
  return parts.length ? parts.join('、') : '指标未变';
}

const withYear = (text: string, from: number, to: number) => text.split(String(from)).join(String(to));

/** A year's template of one level: a copy of another year's (last year's, usually) or the default 五个好. */
export function createTemplate(ledger: Ledger, raw: TemplateCreate): TemplateDetail {
  const input = TemplateCreateSchema.parse(raw);
  const { level } = input;
  const defaults = defaultTemplateFor(level);
  return ledger.tx(() => {
    if (findTemplate(ledger, { year: input.year, level })) throw new LedgerError('TEMPLATE_EXISTS', `${templateWords(input.year, level)}已经存在，请直接编辑。`);
    let title = input.title ?? defaults.title(input.year);
    let preamble: string | null = defaults.preamble(input.year);
    let indicators: readonly Indicator[] = defaults.indicators;
    let copiedFrom: number | null = null;
    if (input.copyFromYear !== null) {
      const from = findTemplate(ledger, { year: input.copyFromYear, level });
      if (!from) throw new LedgerError('NOT_FOUND', `没有 ${templateWords(input.copyFromYear, level)}可以复制。`);
      title = input.title ?? withYear(from.title, from.year, input.year);
      preamble = from.preamble === null ? null : withYear(from.preamble, from.year, input.year);
      indicators = templateIndicators(ledger, from.id).map(plain);
      copiedFrom = from.id;
    }
    const at = nowIso();
    const id = run(ledger, 'INSERT INTO contract_templates (year, level, title, preamble, copied_from, created_at, updated_at) VALUES (?,?,?,?,?,?,?)', input.year, level, title, preamble, copiedFrom, at, at);
    indicators.forEach((i, n) => insertIndicator(ledger, 'template_indicators', id, i, n));
    ledger.audit({
      action: 'create', entity: 'contractTemplate', entityId: id,
      summary: input.copyFromYear !== null ? `复制 ${templateWords(input.copyFromYear, level)}为 ${input.year} 年度模板` : `按默认“五个好”模板新建 ${templateWords(input.year, level)}`,
      after: { year: input.year, level, title, indicators: indicators.length, sum: templateSum(indicators) },
    });
    return getTemplate(ledger, { id })!;
  });
}

/** Saves the title, opening text and indicators. A sum other than 100 is saved with a warning. */
export function saveTemplate(ledger: Ledger, raw: TemplateSave): TemplateDetail {
  const input = TemplateSaveSchema.parse(raw);
  return ledger.tx(() => {
    const t = mustFind(findTemplate(ledger, { id: input.id }), '这份责任书模板');
    const before = templateIndicators(ledger, t.id);
    const delta = syncIndicators(ledger, 'template_indicators', t.id, before, input.indicators);
    ledger.db.prepare('UPDATE contract_templates SET title = ?, preamble = ?, updated_at = ? WHERE id = ?').run(input.title, input.preamble, nowIso(), t.id);
    const after = getTemplate(ledger, { id: t.id })!;
    ledger.audit({
      action: 'update', entity: 'contractTemplate', entityId: t.id,
      summary: `修改 ${templateWords(t.year, t.level)}：${changeWords(delta)}，合计 ${after.sum} 分`,
      before: { title: t.title, preamble: t.preamble, indicators: before.map(plain) },
      after: { title: input.title, preamble: input.preamble, indicators: after.indicators.map(plain) },
    });
    return after;
  });
}

// ——— contracts ———

type RawContract = {
  id: number; templateId: number; orgId: number; org: string; orgType: OrgType; level: ContractLevel; year: number; issuedOn: string; signedOn: string | null;
  withdrawnAt: string | null; assessmentStatus: 'draft' | 'confirmed' | null; sortOrder: number;
};
const CONTRACT_SELECT = `SELECT c.id, c.template_id AS templateId, c.org_id AS orgId, o.name AS org, o.type AS orgType, ct.level, c.year, c.issued_on AS issuedOn,
  c.signed_on AS signedOn, c.withdrawn_at AS withdrawnAt, a.status AS assessmentStatus, o.sort_order AS sortOrder
  FROM contracts c JOIN orgs o ON o.id = c.org_id JOIN contract_templates ct ON ct.id = c.template_id LEFT JOIN assessments a ON a.contract_id = c.id`;

/**
 * Adjusted: the branch's own lines differ from what the template gave it (a line added, changed
 * or dropped for this branch). Out of date: the template was edited after issue and the contract
 * has not been refreshed. Branch edits detach a line from the template, so the two stay apart.
 */
function contractState(ledger: Ledger, c: RawContract, indicators: readonly ContractIndicatorRow[]): { adjusted: boolean; outOfDate: boolean } {
  const dropped = all<{ templateIndicatorId: number }>(
    ledger,
    `SELECT DISTINCT r.template_indicator_id AS templateIndicatorId FROM contract_indicators r JOIN template_indicators t ON t.id = r.template_indicator_id AND t.retired_at IS NULL
     WHERE r.contract_id = ? AND r.retired_at IS NOT NULL`,
    c.id,
  ).map((r) => r.templateIndicatorId).filter((tid) => !indicators.some((i) => i.templateIndicatorId === tid));
  const adjusted = dropped.length > 0 || indicators.some((i) => i.templateIndicatorId === null);
  const tpl = templateIndicators(ledger, c.templateId);
  const tplById = new Map(tpl.map((t) => [t.id, t]));
  const linked = new Set([...indicators.map((i) => i.templateIndicatorId), ...dropped]);
  const outOfDate = tpl.some((t) => !linked.has(t.id))
    || indicators.some((i) => {
      if (i.templateIndicatorId === null) return false;
      const t = tplById.get(i.templateIndicatorId);
      return !t || indicatorKey(plain(t)) !== indicatorKey(plain(i));
    });
  return { adjusted, outOfDate };
}

function summarize(ledger: Ledger, c: RawContract): ContractSummary & { indicators: ContractIndicatorRow[] } {
  const indicators = contractIndicators(ledger, c.id);
  const status: ContractStatus = c.assessmentStatus ?? 'notScored';
  return {
    id: c.id, templateId: c.templateId, orgId: c.orgId, org: c.org, orgType: c.orgType, level: c.level, year: c.year, issuedOn: c.issuedOn, signedOn: c.signedOn,
    withdrawnAt: c.withdrawnAt, ...contractState(ledger, c, indicators), sum: templateSum(indicators), status, indicators,
  };
}

/** Contracts of a year (or of a template), in the order of the org tree. */
export function listContracts(ledger: Ledger, q: { year?: number; templateId?: number; includeWithdrawn?: boolean }): ContractSummary[] {
  const where = [q.year !== undefined ? 'c.year = ?' : null, q.templateId !== undefined ? 'c.template_id = ?' : null, q.includeWithdrawn ? null : 'c.withdrawn_at IS NULL']
    .filter(Boolean).join(' AND ');
  const params = [q.year, q.templateId].filter((v) => v !== undefined);
  return all<RawContract>(ledger, `${CONTRACT_SELECT} ${where ? `WHERE ${where}` : ''} ORDER BY o.sort_order, o.id`, ...params)
    .map((c) => {
      const { indicators: _omit, ...s } = summarize(ledger, c);
      return s;
    });
}

function rawContract(ledger: Ledger, contractId: number): RawContract {
  return mustFind(one<RawContract>(ledger, `${CONTRACT_SELECT} WHERE c.id = ?`, contractId), '这份责任书');
}

/** What scoring needs of a contract: who, which year, its live indicators (no template comparison). */
export function contractCore(ledger: Ledger, contractId: number) {
  const c = rawContract(ledger, contractId);
  const indicators = contractIndicators(ledger, c.id);
  return { ...c, status: (c.assessmentStatus ?? 'notScored') as ContractStatus, indicators, sum: templateSum(indicators) };
}

/**
 * The year's live contracts, branches first, each level in the order of the org tree (ids only,
 * for the assessment: a community's figures then reuse its branches', computed just before).
 */
export function contractIdsOfYear(ledger: Ledger, year: number): number[] {
  return all<{ id: number }>(
    ledger,
    `SELECT c.id FROM contracts c JOIN orgs o ON o.id = c.org_id JOIN contract_templates t ON t.id = c.template_id
     WHERE c.year = ? AND c.withdrawn_at IS NULL ORDER BY t.level = 'community', o.sort_order, o.id`,
    year,
  ).map((r) => r.id);
}

export function getContract(ledger: Ledger, contractId: number): ContractDetail {
  const c = rawContract(ledger, contractId);
  const t = findTemplate(ledger, { id: c.templateId })!;
  const s = summarize(ledger, c);
  return { ...s, title: t.title, preamble: t.preamble, warning: templateSumWarning(s.indicators), categories: categoryTotals(s.indicators) };
}

/** Refuses changes to a contract whose assessment the committee has confirmed. */
export function assertNotConfirmed(c: { org: string; year: number; assessmentStatus?: string | null; status?: ContractStatus }): void {
  if (c.assessmentStatus === 'confirmed' || c.status === 'confirmed') {
    throw new LedgerError('ASSESSMENT_CONFIRMED', `“${c.org}”${c.year} 年度考核结果已确认锁定，不能修改。如确需修改，请先解锁考核（解锁会记入操作日志）。`);
  }
}

function defaultIssueDate(year: number): string {
  const t = today();
  return t <= `${year}-12-31` ? t : `${year}-01-01`;
}


/**
 * Brings a contract up to date with its template: lines still linked to the template take its
 * wording and points, new template lines are added, retired ones retired. The branch's own
 * adjustments (detached lines, lines dropped for this branch) are kept.
 */
function refreshFromTemplate(ledger: Ledger, contractId: number, templateId: number): void {
  const tpl = templateIndicators(ledger, templateId);
  const current = contractIndicators(ledger, contractId);
  const byTpl = new Map(current.filter((c) => c.templateIndicatorId !== null).map((c) => [c.templateIndicatorId!, c]));
  const dropped = new Set(all<{ tid: number }>(ledger, 'SELECT template_indicator_id AS tid FROM contract_indicators WHERE contract_id = ? AND retired_at IS NOT NULL AND template_indicator_id IS NOT NULL', contractId)
    .map((r) => r.tid).filter((tid) => !byTpl.has(tid)));
  const at = nowIso();
  const live = new Set(tpl.map((t) => t.id));
  tpl.forEach((t, sortOrder) => {
    const c = byTpl.get(t.id);
    if (c) {
      ledger.db.prepare('UPDATE contract_indicators SET category = ?, content = ?, points = ?, rule_text = ?, source = ?, metric = ?, scoring = ?, sort_order = ? WHERE id = ?')
        .run(t.category, t.content, t.points, t.ruleText, t.source, t.metric, JSON.stringify(t.scoring), sortOrder, c.id);
    } else if (!dropped.has(t.id)) {
      insertIndicator(ledger, 'contract_indicators', contractId, plain(t), sortOrder, t.id);
    }
  });
  for (const c of current) {
    if (c.templateIndicatorId !== null && !live.has(c.templateIndicatorId)) ledger.db.prepare('UPDATE contract_indicators SET retired_at = ? WHERE id = ?').run(at, c.id);
  }
}

/** Orgs of a level that exist in the year (the issue dialog's list), with their contract if issued. */
export function issueTargets(ledger: Ledger, year: number, level: ContractLevel = 'branch'): IssueTarget[] {
  return all<Omit<IssueTarget, 'withdrawn'> & { withdrawn: number }>(
    ledger,
    `SELECT o.id AS orgId, o.name AS org, p.name AS parent, o.type AS orgType, c.id AS contractId, c.withdrawn_at IS NOT NULL AS withdrawn
     FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id LEFT JOIN contracts c ON c.org_id = o.id AND c.year = ?
     WHERE o.type IN (${orgTypesOfLevel(level).map((t) => `'${t}'`).join(',')}) AND (o.founded_on IS NULL OR o.founded_on <= ?) AND (o.dissolved_on IS NULL OR o.dissolved_on > ?)
     ORDER BY p.sort_order, p.id, o.sort_order, o.id`,
    year, `${year}-12-31`, `${year}-01-01`,
  ).map((r) => ({ ...r, withdrawn: Boolean(r.withdrawn) }));
}

/** Issues a template to every org of its level and year, or to the ones chosen. */
export function issueContracts(ledger: Ledger, raw: IssueInput): IssueResult {
  const input = IssueSchema.parse(raw);
  return ledger.tx(() => {
    const t = mustFind(findTemplate(ledger, { id: input.templateId }), '这份责任书模板');
    if (templateIndicators(ledger, t.id).length === 0) throw new LedgerError('EMPTY_TEMPLATE', '模板中还没有考核指标，不能下达。');
    const issuedOn = input.issuedOn ?? defaultIssueDate(t.year);
    type Org = { id: number; name: string; type: OrgType; foundedOn: string | null; dissolvedOn: string | null };
    const orgs = all<Org>(ledger, 'SELECT id, name, type, founded_on AS foundedOn, dissolved_on AS dissolvedOn FROM orgs ORDER BY sort_order, id');
    const live = (o: Org) => (!o.foundedOn || o.foundedOn <= `${t.year}-12-31`) && (!o.dissolvedOn || o.dissolvedOn > issuedOn);
    let targets: Org[];
    if (input.orgIds === null) {
      targets = orgs.filter((o) => contractLevelOf(o.type) === t.level && live(o));
    } else {
      targets = input.orgIds.map((id) => {
        const o = orgs.find((x) => x.id === id);
        if (!o) throw new LedgerError('NOT_FOUND', '找不到选中的党组织，可能已被其他人修改。请刷新后重试。');
        const level = contractLevelOf(o.type);
        if (level === null) throw new LedgerError('NOT_A_BRANCH', `责任书下达给党支部和社区党委（党总支），“${o.name}”是${ORG_TYPE_LABELS[o.type]}。`);
        if (level !== t.level) throw new LedgerError('WRONG_LEVEL', `“${o.name}”是${ORG_TYPE_LABELS[o.type]}，请用 ${templateWords(t.year, level)}下达，这份是${CONTRACT_LEVEL_LABELS[t.level]}的模板。`);
        if (!live(o)) throw new LedgerError('ORG_DISSOLVED', `“${o.name}”在 ${t.year} 年度不存在或已撤销，不能下达责任书。`);
        return o;
      });
    }
    const result: IssueResult = { issued: [], refreshed: [], skipped: [] };
    const at = nowIso();
    for (const o of targets) {
      const existing = one<RawContract>(ledger, `${CONTRACT_SELECT} WHERE c.org_id = ? AND c.year = ?`, o.id, t.year);
      if (!existing) {
        const contractId = run(ledger, 'INSERT INTO contracts (template_id, org_id, year, issued_on, created_at) VALUES (?,?,?,?,?)', t.id, o.id, t.year, issuedOn, at);
        templateIndicators(ledger, t.id).forEach((i, n) => insertIndicator(ledger, 'contract_indicators', contractId, plain(i), n, i.id));
        result.issued.push({ contractId, org: o.name });
        continue;
      }
      if (existing.assessmentStatus === 'confirmed') {
        result.skipped.push({ org: o.name, reason: '考核已确认' });
        continue;
      }
      if (existing.withdrawnAt !== null) {
        ledger.db.prepare('UPDATE contracts SET withdrawn_at = NULL, issued_on = ? WHERE id = ?').run(issuedOn, existing.id);
        refreshFromTemplate(ledger, existing.id, t.id);
        result.issued.push({ contractId: existing.id, org: o.name });
        continue;
      }
      if (!input.refresh) {
        result.skipped.push({ org: o.name, reason: '已下达' });
        continue;
      }
      if (!summarize(ledger, existing).outOfDate) {
        result.skipped.push({ org: o.name, reason: '已是最新' });
        continue;
      }
      refreshFromTemplate(ledger, existing.id, t.id);
      result.refreshed.push({ contractId: existing.id, org: o.name });
    }
    if (result.issued.length || result.refreshed.length) {
      const unit = `个${CONTRACT_LEVEL_UNITS[t.level]}`;
      const parts = [result.issued.length && `下达 ${result.issued.length} ${unit}`, result.refreshed.length && `按模板更新 ${result.refreshed.length} ${unit}`].filter(Boolean);
      ledger.audit({ action: 'issue', entity: 'contractTemplate', entityId: t.id, summary: `${t.year} 年度${CONTRACT_LEVEL_LABELS[t.level]}责任书：${parts.join('，')}`, after: { issuedOn, ...result } });
    }
    return result;
  });
}

/** Per-branch adjustment: this branch's indicators differ from the template's. */
export function adjustContract(ledger: Ledger, raw: ContractAdjust): ContractDetail {
  const input = ContractAdjustSchema.parse(raw);
  return ledger.tx(() => {
    const c = rawContract(ledger, input.contractId);
    assertNotConfirmed(c);
    if (c.withdrawnAt) throw new LedgerError('CONTRACT_WITHDRAWN', `“${c.org}”的责任书已撤回，请重新下达后再调整。`);
    const before = contractIndicators(ledger, c.id);
    const delta = syncIndicators(ledger, 'contract_indicators', c.id, before, input.indicators);
    const after = getContract(ledger, c.id);
    ledger.audit({
      action: 'update', entity: 'contract', entityId: c.id,
      summary: `调整“${c.org}”${c.year} 年度责任书：${changeWords(delta)}，合计 ${after.sum} 分${input.note ? `（${input.note}）` : ''}`,
      before: before.map(plain), after: after.indicators.map(plain),
    });
    return after;
  });
}

export function withdrawContract(ledger: Ledger, raw: { contractId: number; reason: string }): void {
  const input = ContractWithdrawSchema.parse(raw);
  ledger.tx(() => {
    const c = rawContract(ledger, input.contractId);
    assertNotConfirmed(c);
    if (c.withdrawnAt) throw new LedgerError('NO_CHANGE', `“${c.org}”的责任书已撤回。`);
    ledger.db.prepare('UPDATE contracts SET withdrawn_at = ? WHERE id = ?').run(nowIso(), c.id);
    ledger.audit({ action: 'withdraw', entity: 'contract', entityId: c.id, summary: `撤回“${c.org}”${c.year} 年度责任书：${input.reason}` });
  });
}

export function signContract(ledger: Ledger, raw: { contractId: number; signedOn: string | null }): void {
  const input = ContractSignSchema.parse(raw);
  ledger.tx(() => {
    const c = rawContract(ledger, input.contractId);
    ledger.db.prepare('UPDATE contracts SET signed_on = ? WHERE id = ?').run(input.signedOn, c.id);
    ledger.audit({
      action: 'update', entity: 'contract', entityId: c.id, summary: input.signedOn ? `“${c.org}”${c.year} 年度责任书签订于 ${input.signedOn}` : `清除“${c.org}”${c.year} 年度责任书的签订日期`,
      before: { signedOn: c.signedOn }, after: { signedOn: input.signedOn },
    });
  });
}
