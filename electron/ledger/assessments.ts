// 年终考核: per branch and indicator a self-score and the committee's score, with notes and
// evidence; computed indicators filled in from the ledger with the figures behind them. While a
// draft, computed figures are live (they follow the ledger); confirming freezes them with the
// scores and locks the assessment; unlocking is allowed, with a reason, and lands in the audit log.
import { LedgerError } from '../../shared/errors';
import { nowIso } from '../../shared/dates';
import { activityTypeLabel } from '../../shared/domain/activity-types';
import type {
  AssessmentView, ComputedDetail, ContractIndicatorRow, EvidenceItem, EvidenceOption, RankedAssessment, ScoredIndicator, YearSummary,
} from '../../shared/api/assessment';
import {
  CONTRACT_LEVELS, DEFAULT_GRADE_BANDS, GRADE_BANDS_KEY, type GradeBand, type MetricCode, type ScoreState, assessmentTotal, categoryTotals,
  effectiveScore, gradeBandsSchema, gradeFor, isOverride, metricDef, rankTotals, roundScore, scoreMetric, scoreProblems, sumScores,
} from '../../shared/assessment';
import {
  AssessmentNoteSchema, ScoreInputSchema, ScoresSaveSchema, UnlockSchema, type EvidenceLink, type ScoreInput, type ScoresSave,
} from '../../shared/schemas/contract';
import type { Ledger } from './ledger';
import { assertNotConfirmed, contractCore, contractIdsOfYear } from './contracts';
import { computeMetrics, type MetricOptions } from './metrics';
import { listActivityTypes } from './activities';
import { all, one, parseJson, run } from './sql';







// ——— grade bands ———

export function gradeBands(ledger: Ledger): GradeBand[] {
  const raw = one<{ value: string }>(ledger, 'SELECT value FROM settings WHERE key = ?', GRADE_BANDS_KEY)?.value;
  const parsed = gradeBandsSchema.safeParse(parseJson<unknown>(raw, null));
  return parsed.success ? parsed.data : [...DEFAULT_GRADE_BANDS];
}

export function setGradeBands(ledger: Ledger, raw: unknown): GradeBand[] {
  const bands = gradeBandsSchema.parse(raw);
  return ledger.tx(() => {
    const before = gradeBands(ledger);
    ledger.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(GRADE_BANDS_KEY, JSON.stringify(bands));
    ledger.audit({ action: 'update', entity: 'settings', summary: '修改考核等次划分', before, after: bands });
    return bands;
  });
}

// ——— reading ———

type RawAssessment = { id: number; status: 'draft' | 'confirmed'; confirmedAt: string | null; confirmedBy: string | null; note: string | null };
type RawScore = {
  indicatorId: number; selfScore: number | null; committeeScore: number | null; computedScore: number | null; computedDetail: string | null;
  overrideReason: string | null; note: string | null; evidence: string;
};

function assessmentRow(ledger: Ledger, contractId: number): RawAssessment | undefined {
  return one<RawAssessment>(
    ledger,
    `SELECT a.id, a.status, a.confirmed_at AS confirmedAt, u.name AS confirmedBy, a.note FROM assessments a LEFT JOIN users u ON u.id = a.confirmed_by WHERE a.contract_id = ?`,
    contractId,
  );
}

function scoreRows(ledger: Ledger, assessmentId: number | undefined): Map<number, RawScore> {
  if (assessmentId === undefined) return new Map();
  return new Map(all<RawScore>(
    ledger,
    `SELECT contract_indicator_id AS indicatorId, self_score AS selfScore, committee_score AS committeeScore, computed_score AS computedScore,
       computed_detail AS computedDetail, override_reason AS overrideReason, note, evidence FROM assessment_scores WHERE assessment_id = ?`,
    assessmentId,
  ).map((r) => [r.indicatorId, r]));
}

function describeEvidence(ledger: Ledger, links: readonly EvidenceLink[]): EvidenceItem[] {
  return links.map((l) => {
    if (l.kind === 'activity') {
      const a = one<{ date: string; type: string; topic: string; voidedAt: string | null }>(ledger, 'SELECT date, type, topic, voided_at AS voidedAt FROM activities WHERE id = ?', l.id);
      if (!a) return { ...l, label: '（活动记录不存在）', date: null, missing: true };
      return { ...l, label: `${activityTypeLabel(a.type, listActivityTypes(ledger))}：${a.topic}${a.voidedAt ? '（已作废）' : ''}`, date: a.date };
    }
    const f = one<{ fileName: string; date: string; caption: string | null }>(
      ledger, 'SELECT f.file_name AS fileName, a.date, f.caption FROM attachments f JOIN activities a ON a.id = f.activity_id WHERE f.id = ?', l.id,
    );
    if (!f) return { ...l, label: '（附件不存在）', date: null, missing: true };
    return { ...l, label: f.caption ? `${f.caption}（${f.fileName}）` : f.fileName, date: f.date };
  });
}

/** Live metric figures for the computed indicators of one contract. */
function liveComputed(ledger: Ledger, orgId: number, year: number, indicators: readonly ContractIndicatorRow[], opts: MetricOptions): Map<number, ComputedDetail> {
  const codes = [...new Set(indicators.filter((i) => i.source === 'computed' && i.metric).map((i) => i.metric as MetricCode))];
  const results = new Map(computeMetrics(ledger, orgId, year, codes, opts).map((r) => [r.metric, r]));
  const out = new Map<number, ComputedDetail>();
  for (const i of indicators) {
    if (i.source !== 'computed' || !i.metric) continue;
    const r = results.get(i.metric)!;
    out.set(i.id, { ...r, working: r.pending ? '尚未到考核期' : scoreMetric(i.points, i.scoring, metricDef(i.metric)!, r).working });
  }
  return out;
}

function build(ledger: Ledger, contractId: number, bands: readonly GradeBand[], opts: MetricOptions): AssessmentView {
  const contract = contractCore(ledger, contractId);
  const a = assessmentRow(ledger, contractId);
  const stored = scoreRows(ledger, a?.id);
  const confirmed = a?.status === 'confirmed';
  const live = confirmed ? new Map<number, ComputedDetail>() : liveComputed(ledger, contract.orgId, contract.year, contract.indicators, opts);
  const indicators: ScoredIndicator[] = contract.indicators.map((i) => {
    const s = stored.get(i.id);
    let computed: ComputedDetail | null = null;
    let computedScore: number | null = null;
    if (i.source === 'computed') {
      if (confirmed) {
        computed = parseJson<ComputedDetail | null>(s?.computedDetail, null);
        computedScore = s?.computedScore ?? null;
      } else {
        computed = live.get(i.id) ?? null;
        computedScore = computed && !computed.pending ? scoreMetric(i.points, i.scoring, metricDef(i.metric!)!, computed).score : null;
      }
    }
    const state: ScoreState = {
      content: i.content, source: i.source, points: i.points, selfScore: s?.selfScore ?? null, committeeScore: s?.committeeScore ?? null,
      computedScore, overrideReason: s?.overrideReason ?? null,
    };
    return {
      ...i, selfScore: state.selfScore, committeeScore: state.committeeScore, computedScore, computed, overrideReason: state.overrideReason,
      note: s?.note ?? null, evidence: describeEvidence(ledger, parseJson<EvidenceLink[]>(s?.evidence, [])),
      score: effectiveScore(state), overridden: isOverride(state), problems: scoreProblems(state),
    };
  });
  const totals = assessmentTotal(indicators);
  const byCategory = categoryTotals(indicators).map((c) => ({
    ...c, score: sumScores(indicators.filter((i) => i.category === c.category).map((i) => i.score)),
  }));
  return {
    contractId, assessmentId: a?.id ?? null, orgId: contract.orgId, org: contract.org, level: contract.level, year: contract.year,
    status: a?.status ?? 'draft', confirmedAt: a?.confirmedAt ?? null, confirmedBy: a?.confirmedBy ?? null, note: a?.note ?? null,
    indicators, categories: byCategory, points: contract.sum, total: totals.total, grade: gradeFor(totals.total, bands),
    complete: totals.complete, unscored: totals.unscored, problems: indicators.flatMap((i) => i.problems),
  };
}

/** Each level ranks on its own: branches among branches, communities among communities (branches listed first). */
function rank(views: AssessmentView[]): RankedAssessment[] {
  return CONTRACT_LEVELS.flatMap((level) => {
    const peers = views.filter((v) => v.level === level);
    const ranks = rankTotals(peers.map((v) => v.total));
    return peers
      .map((v, i) => ({ ...v, rank: ranks[i]!, of: peers.length }))
      // Equal totals keep the org tree's order, so the list reads the same every time.
      .sort((a, b) => a.rank - b.rank);
  });
}

function rankedYear(ledger: Ledger, year: number, opts: MetricOptions, focus?: number): YearSummary {
  const bands = gradeBands(ledger);
  // With a focus, only that branch's figures are computed afresh; the others' may come from cache.
  const views = contractIdsOfYear(ledger, year).map((id) => build(ledger, id, bands, focus === undefined || id === focus ? { ...opts, cached: opts.cached ?? false } : { ...opts, cached: true }));
  const asOf = opts.today && opts.today < `${year}-12-31` ? opts.today : `${year}-12-31`;
  return { year, bands, asOf, branches: rank(views) };
}

/** Every contract's assessment of a year, ranked within its level (withdrawn contracts are left out). */
export function yearSummary(ledger: Ledger, year: number, opts: MetricOptions = {}): YearSummary {
  return rankedYear(ledger, year, opts);
}

/** One org's assessment with its rank among the year's orgs of its level. */
export function getAssessment(ledger: Ledger, contractId: number, opts: MetricOptions = {}): RankedAssessment {
  const year = contractCore(ledger, contractId).year;
  const found = rankedYear(ledger, year, opts, contractId).branches.find((b) => b.contractId === contractId);
  if (found) return found;
  // A withdrawn contract is outside the ranking but can still be looked at.
  return { ...build(ledger, contractId, gradeBands(ledger), opts), rank: 0, of: 0 };
}

// ——— writing ———

function ensureAssessment(ledger: Ledger, contractId: number): number {
  const a = assessmentRow(ledger, contractId);
  if (a) return a.id;
  const at = nowIso();
  return run(ledger, 'INSERT INTO assessments (contract_id, status, created_at, updated_at) VALUES (?, ?, ?, ?)', contractId, 'draft', at, at);
}

function requireOpen(ledger: Ledger, contractId: number) {
  const c = contractCore(ledger, contractId);
  assertNotConfirmed(c);
  if (c.withdrawnAt) throw new LedgerError('CONTRACT_WITHDRAWN', `“${c.org}”${c.year} 年度的责任书已撤回，不能评分。`);
  return c;
}

function validateEvidence(ledger: Ledger, orgId: number, year: number, links: readonly EvidenceLink[]): void {
  // Evidence is the branch's own record of the year: its activities (or its groups') and their attachments.
  const orgIds = [orgId, ...all<{ id: number }>(ledger, "SELECT id FROM orgs WHERE parent_id = ? AND type = 'group'", orgId).map((o) => o.id)];
  for (const l of links) {
    const row = l.kind === 'activity'
      ? one<{ orgId: number; date: string }>(ledger, 'SELECT org_id AS orgId, date FROM activities WHERE id = ? AND voided_at IS NULL', l.id)
      : one<{ orgId: number; date: string }>(ledger, 'SELECT a.org_id AS orgId, a.date FROM attachments f JOIN activities a ON a.id = f.activity_id WHERE f.id = ? AND f.voided_at IS NULL AND a.voided_at IS NULL', l.id);
    if (!row) throw new LedgerError('NOT_FOUND', l.kind === 'activity' ? '选中的活动记录不存在或已作废。' : '选中的附件不存在或已作废。');
    if (!orgIds.includes(row.orgId)) throw new LedgerError('INVALID_EVIDENCE', '佐证材料只能选本支部（含党小组）的活动记录和附件。');
    if (row.date.slice(0, 4) !== String(year) && row.date.slice(0, 4) !== String(year + 1)) {
      throw new LedgerError('INVALID_EVIDENCE', `佐证材料应为 ${year} 年度（或次年初补充）的记录，选中的是 ${row.date} 的记录。`);
    }
  }
}

/** Saves one indicator's scores (fields left out keep their values). */
export function scoreIndicator(ledger: Ledger, raw: ScoreInput, opts: MetricOptions = {}): void {
  const { contractId, ...score } = ScoreInputSchema.parse(raw);
  saveScores(ledger, { contractId, scores: [score] }, opts);
}

/** Saves several indicators of one branch in one transaction, checked together, with one audit entry. */
export function saveScores(ledger: Ledger, raw: ScoresSave, opts: MetricOptions = {}): void {
  const input = ScoresSaveSchema.parse(raw);
  ledger.tx(() => {
    const c = requireOpen(ledger, input.contractId);
    const assessmentId = ensureAssessment(ledger, c.id);
    const stored = scoreRows(ledger, assessmentId);
    const targets = input.scores.map((s) => {
      const ind = c.indicators.find((i) => i.id === s.indicatorId);
      if (!ind) throw new LedgerError('NOT_FOUND', '这项指标不在该支部的责任书中，可能已被调整。请刷新后重试。');
      return { s, ind };
    });
    if (new Set(targets.map((t) => t.ind.id)).size !== targets.length) throw new LedgerError('DUPLICATE', '同一项指标在一次保存中出现了两次。');
    const live = liveComputed(ledger, c.orgId, c.year, targets.map((t) => t.ind), opts);
    const changes: { indicatorId: number; content: string; before: unknown; after: unknown }[] = [];
    for (const { s, ind } of targets) {
      if (s.evidence) validateEvidence(ledger, c.orgId, c.year, s.evidence);
      const prev = stored.get(ind.id);
      const next = {
        selfScore: s.selfScore !== undefined ? s.selfScore : (prev?.selfScore ?? null),
        committeeScore: s.committeeScore !== undefined ? s.committeeScore : (prev?.committeeScore ?? null),
        overrideReason: s.overrideReason !== undefined ? s.overrideReason : (prev?.overrideReason ?? null),
        note: s.note !== undefined ? s.note : (prev?.note ?? null),
        evidence: s.evidence !== undefined ? s.evidence : parseJson<EvidenceLink[]>(prev?.evidence, []),
      };
      const detail = live.get(ind.id);
      const computedScore = detail && !detail.pending ? scoreMetric(ind.points, ind.scoring, metricDef(ind.metric!)!, detail).score : null;
      const state = { content: ind.content, source: ind.source, points: ind.points, computedScore, ...next };
      const problems = scoreProblems(state);
      if (problems.length) throw new LedgerError('INVALID_SCORE', problems[0]!, problems);
      // The reason only means something while the committee departs from the computed score.
      const overrideReason = isOverride(state) ? next.overrideReason : null;
      if (prev) {
        ledger.db.prepare('UPDATE assessment_scores SET self_score = ?, committee_score = ?, override_reason = ?, note = ?, evidence = ? WHERE assessment_id = ? AND contract_indicator_id = ?')
          .run(next.selfScore, next.committeeScore, overrideReason, next.note, JSON.stringify(next.evidence), assessmentId, ind.id);
      } else {
        run(ledger, 'INSERT INTO assessment_scores (assessment_id, contract_indicator_id, self_score, committee_score, override_reason, note, evidence) VALUES (?,?,?,?,?,?,?)',
          assessmentId, ind.id, next.selfScore, next.committeeScore, overrideReason, next.note, JSON.stringify(next.evidence));
      }
      changes.push({
        indicatorId: ind.id, content: ind.content,
        before: prev ? { selfScore: prev.selfScore, committeeScore: prev.committeeScore, overrideReason: prev.overrideReason, note: prev.note, evidence: parseJson(prev.evidence, []) } : null,
        after: { ...next, overrideReason },
      });
    }
    ledger.db.prepare('UPDATE assessments SET updated_at = ? WHERE id = ?').run(nowIso(), assessmentId);
    const only = changes.length === 1 ? changes[0]! : null;
    ledger.audit({
      action: 'score', entity: 'assessment', entityId: assessmentId,
      summary: only
        ? `“${c.org}”${c.year} 年度考核“${only.content}”：${scoreWords((only.after as { selfScore: number | null }).selfScore, (only.after as { committeeScore: number | null }).committeeScore)}`
        : `“${c.org}”${c.year} 年度考核：评分 ${changes.length} 项`,
      before: changes.map((x) => ({ indicatorId: x.indicatorId, value: x.before })),
      after: changes.map((x) => ({ indicatorId: x.indicatorId, value: x.after })),
    });
  });
}

function scoreWords(self: number | null, committee: number | null): string {
  const f = (n: number | null) => (n === null ? '未填' : `${roundScore(n)} 分`);
  return `自评 ${f(self)}，考核组评分 ${f(committee)}`;
}

export function setAssessmentNote(ledger: Ledger, raw: { contractId: number; note?: string | null }): void {
  const input = AssessmentNoteSchema.parse(raw);
  ledger.tx(() => {
    const c = requireOpen(ledger, input.contractId);
    const id = ensureAssessment(ledger, c.id);
    const before = assessmentRow(ledger, c.id)!.note;
    ledger.db.prepare('UPDATE assessments SET note = ?, updated_at = ? WHERE id = ?').run(input.note, nowIso(), id);
    ledger.audit({ action: 'update', entity: 'assessment', entityId: id, summary: `修改“${c.org}”${c.year} 年度考核意见`, before: { note: before }, after: { note: input.note } });
  });
}

/** Freezes the computed figures and the scores, and locks the assessment. */
export function confirmAssessment(ledger: Ledger, raw: { contractId: number }, opts: MetricOptions = {}): void {
  const contractId = raw.contractId;
  ledger.tx(() => {
    const c = requireOpen(ledger, contractId);
    const view = build(ledger, c.id, gradeBands(ledger), opts);
    if (!view.complete) {
      const list = view.unscored.slice(0, 3).map((s) => `“${s}”`).join('、');
      throw new LedgerError('INCOMPLETE', `还有 ${view.unscored.length} 项未评分（${list}${view.unscored.length > 3 ? ' 等' : ''}），请由考核组评分后再确认。`, view.unscored);
    }
    if (view.problems.length) throw new LedgerError('INVALID_SCORE', view.problems[0]!, view.problems);
    const assessmentId = ensureAssessment(ledger, c.id);
    for (const i of view.indicators) {
      const detail = i.computed ? JSON.stringify(i.computed) : null;
      const exists = one(ledger, 'SELECT 1 FROM assessment_scores WHERE assessment_id = ? AND contract_indicator_id = ?', assessmentId, i.id);
      if (exists) {
        ledger.db.prepare('UPDATE assessment_scores SET computed_score = ?, computed_detail = ? WHERE assessment_id = ? AND contract_indicator_id = ?').run(i.computedScore, detail, assessmentId, i.id);
      } else {
        run(ledger, 'INSERT INTO assessment_scores (assessment_id, contract_indicator_id, computed_score, computed_detail) VALUES (?,?,?,?)', assessmentId, i.id, i.computedScore, detail);
      }
    }
    const at = nowIso();
    ledger.db.prepare("UPDATE assessments SET status = 'confirmed', confirmed_at = ?, confirmed_by = ?, updated_at = ? WHERE id = ?").run(at, ledger.actor.id, at, assessmentId);
    ledger.audit({
      action: 'confirm', entity: 'assessment', entityId: assessmentId,
      summary: `确认“${c.org}”${c.year} 年度考核结果：${view.total} 分，${view.grade}`,
      after: { total: view.total, grade: view.grade, scores: view.indicators.map((i) => ({ indicatorId: i.id, score: i.score, computedScore: i.computedScore })) },
    });
  });
}

/** Reopens a confirmed assessment for correction; the reason and the confirmed result go to the audit log. */
export function unlockAssessment(ledger: Ledger, raw: { contractId: number; reason: string }, opts: MetricOptions = {}): void {
  const input = UnlockSchema.parse(raw);
  ledger.tx(() => {
    if (ledger.actor.role !== 'admin' && ledger.actor.role !== 'system') throw new LedgerError('FORBIDDEN', '只有管理员可以解锁已确认的考核结果。');
    const a = assessmentRow(ledger, input.contractId);
    const c = contractCore(ledger, input.contractId);
    if (!a || a.status !== 'confirmed') throw new LedgerError('NO_CHANGE', `“${c.org}”${c.year} 年度考核尚未确认，无需解锁。`);
    const confirmed = build(ledger, c.id, gradeBands(ledger), opts);
    ledger.db.prepare("UPDATE assessments SET status = 'draft', confirmed_at = NULL, confirmed_by = NULL, updated_at = ? WHERE id = ?").run(nowIso(), a.id);
    ledger.audit({
      action: 'unlock', entity: 'assessment', entityId: a.id,
      summary: `解锁“${c.org}”${c.year} 年度考核结果（原为 ${confirmed.total} 分，${confirmed.grade}）：${input.reason}`,
      before: { status: 'confirmed', confirmedAt: a.confirmedAt, confirmedBy: a.confirmedBy, total: confirmed.total, grade: confirmed.grade },
      after: { status: 'draft', reason: input.reason },
    });
  });
}

/** Activities (and their attachments) of a branch's year, for the evidence picker. */
export function evidenceOptions(ledger: Ledger, contractId: number): EvidenceOption[] {
  const c = contractCore(ledger, contractId);
  const acts = all<{ id: number; date: string; type: string; topic: string }>(
    ledger,
    `SELECT a.id, a.date, a.type, a.topic FROM activities a JOIN orgs o ON o.id = a.org_id
     WHERE (a.org_id = ? OR (o.parent_id = ? AND o.type = 'group')) AND a.voided_at IS NULL AND a.date BETWEEN ? AND ? ORDER BY a.date DESC, a.id DESC`,
    c.orgId, c.orgId, `${c.year}-01-01`, `${c.year}-12-31`,
  );
  const files = acts.length
    ? all<{ id: number; activityId: number; fileName: string }>(ledger, `SELECT id, activity_id AS activityId, file_name AS fileName FROM attachments WHERE voided_at IS NULL AND activity_id IN (${acts.map((a) => a.id).join(',')}) ORDER BY id`)
    : [];
  const types = listActivityTypes(ledger);
  return acts.map((a) => ({ ...a, type: activityTypeLabel(a.type, types), attachments: files.filter((f) => f.activityId === a.id).map(({ id, fileName }) => ({ id, fileName })) }));
}
