// 检查规则: the frequency rules of each kind of branch and of 社区党委/党总支, editable by an
// administrator, with rules of its own for any type that has none yet (a street's own types
// included). Only the differences from the defaults of DOMAIN.md are stored (settings 'complianceRules').
import { Alert, Button, Drawer, Input, InputNumber, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { ORG_TYPE_LABELS, type OrgType } from '../../../shared/domain/org';
import { type ComplianceConfig, type RuleDef, type RuleOverride, PERIOD_UNIT_LABELS, defaultRulesFor, describeRule } from '../../../shared/rules';
import { ledger } from '../../api';
import { showError, showSuccess } from '../../feedback';
import { forgetActivityTypes } from './data';

type CustomRow = { code: string; label: string; countsForAttendance: boolean; expected: 'roster' | 'none' };

/** The street's own kinds of activity (e.g. 党务公开, 红色观影): recorded and listed, no rule unless added. */
function CustomTypes({ rows, onRows }: { rows: CustomRow[]; onRows: (rows: CustomRow[]) => void }) {
  const set = (i: number, patch: Partial<CustomRow>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const nextCode = () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.code === `custom${n}`)) n += 1;
    return `custom${n}`;
  };
  return (
    <div>
      <Table<CustomRow>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '还没有自定义的活动类型' }}
        columns={[
          { title: '名称', dataIndex: 'label', render: (v: string, _r, i) => <Input size="small" maxLength={20} value={v} placeholder="如 党务公开" onChange={(e) => set(i, { label: e.target.value })} /> },
          {
            title: '应到人员', dataIndex: 'expected', width: 130,
            render: (v: CustomRow['expected'], _r, i) => <Select size="small" value={v} onChange={(x) => set(i, { expected: x })} options={[{ value: 'roster', label: '全体党员' }, { value: 'none', label: '不固定' }]} className="rd-period" />,
          },
          { title: '计入出勤率', dataIndex: 'countsForAttendance', width: 96, render: (v: boolean, _r, i) => <Switch size="small" checked={v} onChange={(c) => set(i, { countsForAttendance: c })} /> },
          { title: '', key: 'del', width: 56, render: (_v, _r, i) => <Button size="small" type="link" danger onClick={() => onRows(rows.filter((_, j) => j !== i))}>移除</Button> },
        ]}
      />
      <Button size="small" className="rd-add" onClick={() => onRows([...rows, { code: nextCode(), label: '', countsForAttendance: false, expected: 'none' }])}>添加类型</Button>
      <Typography.Paragraph type="secondary" className="rd-note">已有记录的类型移除后，记录仍保留，显示为类型代码。</Typography.Paragraph>
    </div>
  );
}

const EDITABLE_TYPES: OrgType[] = ['branch', 'jointBranch', 'temporaryBranch', 'partyCommittee', 'generalBranch'];
const DAY_OPTIONS = Array.from({ length: 28 }, (_, i) => ({ value: i + 1, label: `${i + 1}日` }));

/** The override that turns `base` into `rule` (only what differs). */
function diff(base: RuleDef, rule: RuleDef): RuleOverride | null {
  const o: RuleOverride = {};
  if (rule.enabled !== base.enabled) o.enabled = rule.enabled;
  if (rule.period !== base.period) o.period = rule.period;
  if (rule.minCount !== base.minCount) o.minCount = rule.minCount;
  if (JSON.stringify(rule.days ?? null) !== JSON.stringify(base.days ?? null)) o.days = rule.days ?? null;
  if ((rule.toleranceDays ?? 0) !== (base.toleranceDays ?? 0)) o.toleranceDays = rule.toleranceDays ?? 0;
  return Object.keys(o).length ? o : null;
}

export function RulesDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [rules, setRules] = useState<Record<string, RuleDef[]> | null>(null);
  const [config, setConfig] = useState<ComplianceConfig | null>(null);
  const [saving, setSaving] = useState(false);
  const [custom, setCustom] = useState<CustomRow[] | null>(null);
  const [builtinTypes, setBuiltinTypes] = useState<{ code: string; label: string }[]>([]);

  useEffect(() => {
    if (!open) return;
    ledger['activities.rules']({})
      .then((r) => {
        setConfig(r.config);
        setRules(Object.fromEntries(EDITABLE_TYPES.map((t) => [t, r.effective[t]])));
      })
      .catch(showError);
    ledger['activities.types']({})
      .then((types) => {
        setBuiltinTypes(types.filter((t) => t.builtin).map((t) => ({ code: t.code, label: t.label })));
        setCustom(types.filter((t) => !t.builtin).map((t) => ({ code: t.code, label: t.label, countsForAttendance: t.countsForAttendance, expected: t.expected === 'roster' ? 'roster' : 'none' })));
      })
      .catch(showError);
  }, [open]);

  const edit = (t: OrgType, id: string, patch: Partial<RuleDef>) =>
    setRules((all) => all && { ...all, [t]: all[t]!.map((r) => (r.id === id ? { ...r, ...patch } : r)) });

  /** Types that have no rule yet for this kind of org: built-in ones and the street's own (named). */
  const unruled = (t: OrgType) => [...builtinTypes, ...(custom ?? []).filter((c) => c.label.trim())]
    .filter((x) => x.code !== 'other' && !rules?.[t]?.some((r) => r.activityType === x.code));
  const addRule = (t: OrgType, code: string) => {
    const type = unruled(t).find((x) => x.code === code);
    if (!type) return;
    const rule: RuleDef = { id: code, activityType: code, label: type.label.trim(), period: 'year', minCount: 1, scope: 'org', enabled: true };
    setRules((all) => all && { ...all, [t]: [...all[t]!, rule] });
  };
  const removeRule = (t: OrgType, id: string) => setRules((all) => all && { ...all, [t]: all[t]!.filter((r) => r.id !== id) });

  const save = async () => {
    if (!rules || !config) return;
    const byOrgType: ComplianceConfig['byOrgType'] = { ...config.byOrgType };
    for (const t of EDITABLE_TYPES) {
      const defaults = defaultRulesFor(t);
      const kept: Record<string, RuleOverride> = {};
      for (const r of rules[t]!) {
        const base = defaults.find((d) => d.id === r.id);
        // A rule of the street's own is stored whole; a default one only where it differs.
        const o = base ? diff(base, r) : { activityType: r.activityType, label: r.label, period: r.period, minCount: r.minCount, scope: r.scope, enabled: r.enabled };
        if (o) kept[r.id] = o;
      }
      if (Object.keys(kept).length) byOrgType[t] = kept;
      else delete byOrgType[t];
    }
    setSaving(true);
    try {
      if (custom) {
        const named = custom.filter((c) => c.label.trim());
        await ledger['activities.saveTypes']({ types: named.map((c) => ({ ...c, label: c.label.trim() })) });
        forgetActivityTypes();
      }
      const r = await ledger['activities.saveRules']({ byOrgType });
      setConfig(r.config);
      showSuccess('检查规则已保存，完成情况已按新规则重新计算');
      onSaved();
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const columns = (t: OrgType): ColumnsType<RuleDef> => [
    { title: '启用', dataIndex: 'enabled', width: 56, render: (v: boolean, r) => <Switch size="small" checked={v} onChange={(c) => edit(t, r.id, { enabled: c })} aria-label={`启用${r.label}`} /> },
    { title: '活动', dataIndex: 'label', width: 130 },
    {
      title: '周期', dataIndex: 'period', width: 100,
      render: (v: RuleDef['period'], r) => (
        <Select size="small" value={v} disabled={!r.enabled || Boolean(r.days?.length)} onChange={(p) => edit(t, r.id, { period: p })}
          options={(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: PERIOD_UNIT_LABELS[p] }))} className="rd-period" />
      ),
    },
    {
      title: '要求', key: 'need',
      render: (_, r) => r.days?.length ? (
        <Space size={4} wrap>
          <Select size="small" mode="multiple" value={r.days} disabled={!r.enabled} onChange={(d: number[]) => edit(t, r.id, { days: d.length ? [...d].sort((a, b) => a - b) : r.days })} options={DAY_OPTIONS} className="rd-days" />
          <span className="rd-unit">可前后</span>
          <InputNumber size="small" min={0} max={10} value={r.toleranceDays ?? 0} disabled={!r.enabled} onChange={(n) => edit(t, r.id, { toleranceDays: n ?? 0 })} className="rd-num" />
          <span className="rd-unit">天</span>
        </Space>
      ) : (
        <Space size={4}>
          <span className="rd-unit">{r.scope === 'group' ? '每个党小组' : r.scope === 'member' ? '每名党员' : ''}至少</span>
          <InputNumber size="small" min={1} max={31} value={r.minCount} disabled={!r.enabled} onChange={(n) => edit(t, r.id, { minCount: n ?? 1 })} className="rd-num" />
          <span className="rd-unit">次{r.quorum === 'committeeMajority' ? '，到会委员须过半' : ''}</span>
        </Space>
      ),
    },
    {
      title: '', key: 'remove', width: 56,
      render: (_, r) => defaultRulesFor(t).some((d) => d.id === r.id) ? null : <Button size="small" type="link" danger onClick={() => removeRule(t, r.id)} aria-label={`移除${r.label}规则`}>移除</Button>,
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title="三会一课等检查规则"
      destroyOnHidden
      extra={<Button type="primary" loading={saving} onClick={() => void save()} disabled={!rules}>保存</Button>}
    >
      <Alert type="info" showIcon className="rd-alert" title="默认规则依据《中国共产党支部工作条例（试行）》和街道要求；修改后，所有年份的完成情况都按新规则计算。只有管理员可以保存。" />
      {rules && (
        <Tabs
          items={[...EDITABLE_TYPES.map((t) => ({
            key: t,
            label: ORG_TYPE_LABELS[t],
            children: (
              <>
                <Table<RuleDef> size="small" rowKey="id" pagination={false} columns={columns(t)} dataSource={rules[t]} />
                <Select
                  size="small" className="rd-add" value={null} placeholder="为其他活动类型添加检查规则…" aria-label={`${ORG_TYPE_LABELS[t]}添加规则`}
                  options={unruled(t).map((x) => ({ value: x.code, label: x.label }))} onChange={(code: string | null) => code && addRule(t, code)}
                  popupMatchSelectWidth={220}
                />
                <div className="rd-foot">
                  <Typography.Text type="secondary">当前：{rules[t]!.filter((r) => r.enabled).map((r) => `${r.label}${describeRule(r)}`).join('；') || '没有启用的规则'}</Typography.Text>
                  <Button size="small" onClick={() => setRules((all) => all && { ...all, [t]: defaultRulesFor(t) })}>恢复默认</Button>
                </div>
              </>
            ),
          })), {
            key: 'types',
            label: '自定义活动类型',
            children: <CustomTypes rows={custom ?? []} onRows={setCustom} />,
          }]}
        />
      )}
    </Drawer>
  );
}
