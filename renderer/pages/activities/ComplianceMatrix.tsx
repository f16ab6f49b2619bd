// 完成情况: branches × periods for the year, one rule at a time or all together (总览); gaps in red.
// A click on a cell opens what stands behind it: the rules, the records, and a button to fill the gap.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Spin, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { OrgCompliance } from '../../../shared/api/activities';
import { type PeriodResult, type RuleResult, periodLabel, periodsOfYear } from '../../../shared/rules';
import { ledger } from '../../api';
import { useOrgs } from '../../org-context';
import { CellDrawer } from './CellDrawer';
import { pct } from '../../../shared/assessment';
import { goActivities } from './data';
import { useLoad } from '../../hooks';
import { RulesDrawer } from './RulesDrawer';
import { type CellTone, TONE_LABEL, combineTones, toneOf } from './status';

const QUARTER_NAMES = ['一季', '二季', '三季', '四季'];

type Column = { key: string; title: string; period: string; unit: 'month' | 'quarter' | 'year' };

function columnsFor(year: number, units: ('month' | 'quarter' | 'year')[]): Column[] {
  return units.flatMap((u) =>
    periodsOfYear(year, u).map((p, i) => ({
      key: p.key, period: p.key, unit: u,
      title: u === 'month' ? `${i + 1}月` : u === 'quarter' ? QUARTER_NAMES[i]! : '全年',
    })),
  );
}

/** What one rule shows in a cell: the count against what is needed. */
function cellText(r: RuleResult, p: PeriodResult): string {
  if (toneOf(p) === 'idle' && p.count === 0) return '—';
  if (r.days?.length || r.scope !== 'org') return `${p.count}/${p.needed}`;
  return p.count === 0 ? '0' : String(p.count);
}

export type CellRef = { org: OrgCompliance; period: string; ruleId: string | null };

export function ComplianceMatrix({ year }: { year: number }) {
  const { orgId, pathName } = useOrgs();
  const [ruleId, setRuleId] = useState<string>(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('rule') ?? 'overview');
  const [cell, setCell] = useState<CellRef | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const { data, loading, reload } = useLoad(() => ledger['activities.compliance']({ year, orgId }), [year, orgId]);

  const ruleOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const o of data?.orgs ?? []) for (const r of o.rules) if (!seen.has(r.ruleId)) seen.set(r.ruleId, r.rule);
    return [{ value: 'overview', label: '总览' }, ...[...seen].map(([value, label]) => ({ value, label: shortRule(label) }))];
  }, [data]);

  const selectedRule = ruleId === 'overview' ? null : (data?.orgs.flatMap((o) => o.rules).find((r) => r.ruleId === ruleId) ?? null);
  const units: ('month' | 'quarter' | 'year')[] = selectedRule ? [selectedRule.period] : ['month', 'quarter', 'year'];
  const cols = columnsFor(year, units);

  const cellOf = (o: OrgCompliance, c: Column): { tone: CellTone; text: string; tip: string } => {
    const rules = selectedRule ? o.rules.filter((r) => r.ruleId === selectedRule.ruleId) : o.rules.filter((r) => r.period === c.unit);
    const parts = rules.map((r) => ({ r, p: r.periods.find((p) => p.period === c.period)! })).filter((x) => x.p);
    const tone = combineTones(parts.map((x) => toneOf(x.p)));
    const tip = parts.map((x) => `${x.r.rule}：${TONE_LABEL[toneOf(x.p)]}（${x.p.count}/${x.p.needed}）`).join('\n');
    if (selectedRule) return { tone, text: parts[0] ? cellText(parts[0].r, parts[0].p) : '—', tip };
    const missing = parts.filter((x) => x.p.status === 'missing').length;
    const text = tone === 'met' ? '✓' : tone === 'missing' ? `缺${missing}` : tone === 'pending' ? '…' : '—';
    return { tone, text, tip };
  };

  const columns: ColumnsType<OrgCompliance> = [
    {
      title: '党组织', key: 'org', fixed: 'left', width: 184, ellipsis: true,
      render: (_, o) => (
        <div className="cm-org">
          <Tooltip title={pathName(o.orgId) || o.org} placement="right"><span className="cm-org-name">{o.org}</span></Tooltip>
          {o.parent && <span className="cm-org-parent">{o.parent}</span>}
        </div>
      ),
    },
    ...cols.map((c) => ({
      title: c.title, key: c.key, align: 'center' as const, width: selectedRule ? (c.unit === 'month' ? 62 : 120) : c.unit === 'month' ? 44 : c.unit === 'quarter' ? 52 : 48,
      onHeaderCell: () => ({ className: `cm-head cm-head-${c.unit}` }),
      render: (_: unknown, o: OrgCompliance) => {
        const v = cellOf(o, c);
        return (
          <Tooltip title={<span className="cm-tip">{`${o.org} · ${periodLabel(c.period)}\n${v.tip}`}</span>} mouseEnterDelay={0.4}>
            <button
              type="button"
              className={`cm-cell cm-${v.tone}`}
              data-cell={`${o.orgId}|${c.period}`}
              data-status={v.tone}
              aria-label={`${o.org} ${periodLabel(c.period)} ${TONE_LABEL[v.tone]}`}
              onClick={() => setCell({ org: o, period: c.period, ruleId: selectedRule?.ruleId ?? null })}
            >
              {v.text}
            </button>
          </Tooltip>
        );
      },
    })),
    {
      title: selectedRule ? '完成' : '三会一课', key: 'rate', width: 70, align: 'right', fixed: 'right',
      render: (_, o) => {
        if (selectedRule) {
          const r = o.rules.find((x) => x.ruleId === selectedRule.ruleId);
          return r ? <span className={r.missing.length ? 'cm-rate-bad' : ''}>{r.met}/{r.required}</span> : '—';
        }
        return <span className={o.coreRate !== null && o.coreRate < 0.9 ? 'cm-rate-bad' : ''}>{pct(o.coreRate, 0)}</span>;
      },
    },
  ];

  const totals = useMemo(() => {
    const rules = (data?.orgs ?? []).flatMap((o) => o.rules).filter((r) => !selectedRule || r.ruleId === selectedRule.ruleId);
    const required = rules.reduce((n, r) => n + r.required, 0);
    const met = rules.reduce((n, r) => n + r.met, 0);
    return { required, met, gaps: required - met };
  }, [data, selectedRule]);

  return (
    <div className="cm">
      <div className="cm-toolbar">
        <Segmented
          size="middle"
          value={ruleId}
          onChange={(v) => { setRuleId(String(v)); goActivities({ rule: v === 'overview' ? null : String(v) }); }}
          options={ruleOptions}
        />
        <div className="cm-legend">
          <span className="cm-key cm-met" /> 已完成
          <span className="cm-key cm-missing" /> 未完成
          <span className="cm-key cm-pending" /> 本期进行中
          <span className="cm-key cm-idle" /> 不需开展
        </div>
      </div>
      <div className="cm-summary-row">
        <Typography.Paragraph type="secondary" className="cm-summary">
          {data ? `${data.orgs.length} 个党组织，应完成 ${totals.required} 项，已完成 ${totals.met} 项，缺 ${totals.gaps} 项（截至 ${data.asOf}，本期未结束的不计）。点击格子查看记录或补录。` : ' '}
        </Typography.Paragraph>
        <Button size="small" type="link" icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} className="cm-rules-btn">检查规则</Button>
      </div>
      <Spin spinning={loading}>
        {data && data.orgs.length === 0 ? (
          <Empty description="所选范围内没有需要检查的党支部" />
        ) : (
          <Table<OrgCompliance>
            size="small"
            bordered
            rowKey="orgId"
            className="cm-table"
            columns={columns}
            dataSource={data?.orgs ?? []}
            pagination={false}
            scroll={{ x: 'max-content', y: 'calc(100vh - 330px)' }}
            sticky
          />
        )}
      </Spin>
      <CellDrawer cell={cell} onClose={() => setCell(null)} onChanged={reload} />
      <RulesDrawer open={rulesOpen} onClose={() => setRulesOpen(false)} onSaved={reload} />
    </div>
  );
}

/** Short labels for the rule switcher. */
export function shortRule(label: string): string {
  return ({ 支部委员会会议: '支委会', 支部党员大会: '党员大会', 远程教育集中收看: '远程教育', 民主评议党员: '民主评议' } as Record<string, string>)[label] ?? label;
}
