// The indicators of a template (or of one branch's contract) as an editable table: category,
// content and scoring rule, points, source (by hand or computed from a named metric with its rule),
// with the live 100-point check above it. Used by the template editor and the per-branch drawer.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Input, InputNumber, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  FIVE_GOOD_CATEGORIES, type Indicator, METRICS, type MetricCode, SCORING_MODES, SCORING_MODE_LABELS, type ScoringRule, categoryTotals,
  describeScoringRule, metricDef, templateSum, templateSumWarning,
} from '../../../shared/assessment';
import { fmt } from './format';

export type IndicatorDraft = Indicator & { key: string };

let seq = 0;
export const draftKey = () => `n${++seq}`;

export function toDrafts(rows: readonly (Indicator & { id?: number })[]): IndicatorDraft[] {
  return rows.map((r) => ({
    id: r.id, category: r.category, content: r.content, points: r.points, ruleText: r.ruleText, source: r.source, metric: r.metric, scoring: r.scoring,
    key: r.id ? `i${r.id}` : draftKey(),
  }));
}

export function fromDrafts(rows: readonly IndicatorDraft[]): Indicator[] {
  return rows.map(({ key: _key, ...r }) => r);
}

const metricOptions = METRICS.map((m) => ({ value: m.code, label: m.label, title: m.how }));
const modeOptions = SCORING_MODES.map((m) => ({ value: m, label: SCORING_MODE_LABELS[m] }));

/** The target in the unit a person reads: a rate as a percentage. */
function targetShown(rule: ScoringRule, metric: MetricCode): number {
  const def = metricDef(metric)!;
  const t = rule.target ?? def.defaultTarget;
  return def.unit === 'rate' ? Math.round(t * 1000) / 10 : t;
}

function targetStored(shown: number, metric: MetricCode): number {
  return metricDef(metric)!.unit === 'rate' ? shown / 100 : shown;
}

const UNIT_SUFFIX = { rate: '%', months: '个月', count: '次', people: '人', items: '项', flag: '' } as const;

export function SumBar({ rows }: { rows: readonly { category: string; points: number }[] }) {
  const warning = templateSumWarning(rows);
  return (
    <div className="ind-sum">
      <span className="ind-sum-total">
        合计 <b className={warning ? 'ind-bad' : 'ind-ok'}>{fmt(templateSum(rows))}</b> 分
      </span>
      {categoryTotals(rows).map((c) => (
        <Tag key={c.category} className="ind-cat-tag">{c.category} {fmt(c.points)}</Tag>
      ))}
      {warning && <Alert type="warning" showIcon className="ind-warning" title={warning} />}
    </div>
  );
}

export function IndicatorTable({ rows, onChange, disabled }: { rows: IndicatorDraft[]; onChange: (rows: IndicatorDraft[]) => void; disabled?: boolean }) {
  const categories = [...new Set([...FIVE_GOOD_CATEGORIES, ...rows.map((r) => r.category)])].filter(Boolean).map((c) => ({ value: c }));
  const set = (key: string, patch: Partial<IndicatorDraft>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    onChange(next);
  };

  const columns: ColumnsType<IndicatorDraft> = [
    {
      title: '类别', dataIndex: 'category', width: 118,
      render: (_, r) => (
        <AutoComplete
          value={r.category} options={categories} disabled={disabled} className="ind-full" aria-label="类别"
          onChange={(v: string) => set(r.key, { category: v })}
        />
      ),
    },
    {
      title: '考核内容与评分标准', key: 'content',
      render: (_, r) => (
        <div className="ind-content">
          <Input.TextArea
            value={r.content} autoSize={{ minRows: 1, maxRows: 3 }} disabled={disabled} placeholder="考核内容" aria-label="考核内容"
            onChange={(e) => set(r.key, { content: e.target.value })}
          />
          <div className="ind-rule">
            <Input.TextArea
              value={r.ruleText ?? ''} autoSize={{ minRows: 1, maxRows: 3 }} disabled={disabled} placeholder="评分标准（写在责任书上）" aria-label="评分标准"
              onChange={(e) => set(r.key, { ruleText: e.target.value || null })} variant="filled"
            />
            {r.source === 'computed' && r.metric && !disabled && (
              <Tooltip title="按计算依据和计分方式生成评分标准">
                <Button
                  size="small" type="text" icon={<ThunderboltOutlined />} aria-label="生成评分标准"
                  onClick={() => set(r.key, { ruleText: describeScoringRule(r.points, r.scoring, metricDef(r.metric!)!) })}
                />
              </Tooltip>
            )}
          </div>
        </div>
      ),
    },
    {
      title: '分值', dataIndex: 'points', width: 76,
      render: (_, r) => (
        <InputNumber
          value={r.points} min={0} max={100} step={1} disabled={disabled} className="ind-full" aria-label="分值"
          onChange={(v) => set(r.key, { points: typeof v === 'number' ? v : 0 })}
        />
      ),
    },
    {
      title: '评分方式', key: 'source', width: 300,
      render: (_, r) => (
        <div className="ind-source">
          <Select
            value={r.source} disabled={disabled} className="ind-source-kind" aria-label="评分来源"
            options={[{ value: 'manual', label: '人工评分' }, { value: 'computed', label: '系统计算' }]}
            onChange={(v) => set(r.key, { source: v, metric: v === 'computed' ? (r.metric ?? null) : null })}
          />
          {r.source === 'computed' && (
            <>
              <Select
                value={r.metric ?? undefined} options={metricOptions} disabled={disabled} placeholder="计算依据" className="ind-metric" aria-label="计算依据"
                status={r.metric ? undefined : 'error'} showSearch={{ optionFilterProp: 'label' }} popupMatchSelectWidth={260}
                onChange={(v: MetricCode) => set(r.key, { metric: v, scoring: { mode: r.scoring.mode, target: metricDef(v)!.defaultTarget, ...(r.scoring.perMiss ? { perMiss: r.scoring.perMiss } : {}) } })}
              />
              {r.metric && (
                <div className="ind-rule-line">
                  <Select
                    value={r.scoring.mode} options={modeOptions} disabled={disabled} size="small" className="ind-mode" aria-label="计分方式"
                    popupMatchSelectWidth={130}
                    onChange={(mode) => set(r.key, { scoring: { ...r.scoring, mode, ...(mode === 'deduction' && !r.scoring.perMiss ? { perMiss: 1 } : {}) } })}
                  />
                  {metricDef(r.metric)!.unit !== 'flag' && (
                    <InputNumber
                      size="small" value={targetShown(r.scoring, r.metric)} min={0} disabled={disabled} className="ind-target" aria-label="目标"
                      prefix={metricDef(r.metric)!.better === 'higher' ? '≥' : '≤'} suffix={UNIT_SUFFIX[metricDef(r.metric)!.unit]}
                      onChange={(v) => set(r.key, { scoring: { ...r.scoring, target: targetStored(typeof v === 'number' ? v : 0, r.metric!) } })}
                    />
                  )}
                  {r.scoring.mode === 'deduction' && (
                    <InputNumber
                      size="small" value={r.scoring.perMiss ?? 1} min={0.1} step={0.5} disabled={disabled} className="ind-permiss" aria-label="每项扣分"
                      prefix="扣" suffix="分/项" onChange={(v) => set(r.key, { scoring: { ...r.scoring, perMiss: typeof v === 'number' ? v : 1 } })}
                    />
                  )}
                </div>
              )}
            </>
          )}
        </div>
      ),
    },
    {
      title: '', key: 'actions', width: 92, align: 'right',
      render: (_, r, i) => !disabled && (
        <span className="ind-actions">
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label="下移" />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((x) => x.key !== r.key))} aria-label="删除指标" />
        </span>
      ),
    },
  ];

  return (
    <>
      <Table<IndicatorDraft>
        className="ind-table" size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false}
        rowClassName={(r, i) => (i > 0 && rows[i - 1]!.category !== r.category ? 'ind-row ind-row-first' : 'ind-row')}
      />
      {!disabled && (
        <Button
          type="dashed" block icon={<PlusOutlined />} className="ind-add"
          onClick={() => onChange([...rows, { key: draftKey(), category: rows.at(-1)?.category ?? FIVE_GOOD_CATEGORIES[0], content: '', points: 0, ruleText: null, source: 'manual', metric: null, scoring: { mode: 'proportional' } }])}
        >
          添加指标
        </Button>
      )}
    </>
  );
}
