// What stands behind one cell of the matrix: each rule's verdict for the period, the records that
// satisfy it (click through), what is missing (days, groups, members) and a button to record it.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ActivityRow } from '../../../shared/api/activities';
import { type PeriodResult, type RuleResult, periodFromKey, periodLabel } from '../../../shared/rules';
import { ledger } from '../../api';
import { navigate } from '../../router';
import type { CellRef } from './ComplianceMatrix';
import { groupShort } from './data';
import { useLoad } from '../../hooks';
import { REASON_LABEL, TONE_LABEL, toneOf } from './status';

const TONE_ORDER = { missing: 0, pending: 1, met: 2, idle: 3 } as const;
const TONE_COLOR = { met: 'success', missing: 'error', pending: 'warning', idle: 'default' } as const;

function unitOf(key: string): 'month' | 'quarter' | 'year' {
  return periodFromKey(key)?.unit ?? 'month';
}

/** A sensible date to record a missing activity on: the missing fixed day, today, or the period's last day. */
function suggestedDate(p: PeriodResult): string {
  const today = dayjs().format('YYYY-MM-DD');
  if (p.missingDays?.length) return p.missingDays[0]!;
  return p.end < today ? p.end : today;
}

export function newActivityHref(q: { orgId: number; type?: string; date?: string; topic?: string; back?: string }): string {
  const s = new URLSearchParams({
    orgId: String(q.orgId), ...(q.type ? { type: q.type } : {}), ...(q.date ? { date: q.date } : {}), ...(q.topic ? { topic: q.topic } : {}), ...(q.back ? { back: q.back } : {}),
  });
  return `/activities/new?${s.toString()}`;
}

function RuleBlock({ org, r, p, acts }: { org: CellRef['org']; r: RuleResult; p: PeriodResult; acts: ActivityRow[] }) {
  const tone = toneOf(p);
  const mine = acts.filter((a) => p.activityIds.includes(a.id) || p.rejected?.some((x) => x.activityId === a.id));
  const targetOrg = r.scope === 'group' ? (p.missingGroups?.[0]?.id ?? null) : org.orgId;
  const back = `/activities${window.location.hash.includes('?') ? `?${window.location.hash.split('?')[1]}` : ''}`;
  return (
    <div className="cd-rule" data-rule={r.ruleId}>
      <div className="cd-rule-head">
        <Space>
          <Typography.Text strong>{r.rule}</Typography.Text>
          <Tag color={TONE_COLOR[tone]}>{TONE_LABEL[tone]}</Tag>
          <Typography.Text type="secondary">
            {r.days?.length ? `${p.count}/${p.needed} 次` : r.scope === 'group' ? `${p.count}/${p.needed} 个党小组` : r.scope === 'member' ? `${p.count}/${p.needed} 人` : `${p.count} 次（至少 ${r.minCount} 次）`}
          </Typography.Text>
        </Space>
        {tone !== 'met' && tone !== 'idle' && targetOrg !== null && (
          <Button
            size="small"
            type={tone === 'missing' ? 'primary' : 'default'}
            icon={<PlusOutlined />}
            onClick={() => navigate(newActivityHref({ orgId: targetOrg, type: r.activityType, date: suggestedDate(p), back }))}
          >
            补录{r.rule}
          </Button>
        )}
      </div>
      {p.reason && p.status === 'notDue' && <div className="cd-note">{REASON_LABEL[p.reason]}</div>}
      {p.missingDays && <div className="cd-note cd-bad">缺少：{p.missingDays.map((d) => `${Number(d.slice(8))}日`).join('、')}</div>}
      {p.missingGroups && <div className="cd-note cd-bad">未开会的党小组：{p.missingGroups.map((g) => g.name).join('、')}</div>}
      {p.missingMembers && (
        <div className="cd-note cd-bad">
          尚未谈话（{p.missingMembers.length} 人）：{p.missingMembers.slice(0, 30).map((m) => m.name).join('、')}{p.missingMembers.length > 30 ? ' 等' : ''}
        </div>
      )}
      {p.rejected?.map((x) => (
        <div key={x.activityId} className="cd-note cd-bad">一次会议未计入：{x.reason}</div>
      ))}
      {mine.length > 0 && (
        <ul className="cd-acts">
          {mine.map((a) => (
            <li key={a.id}>
              <a href={`#/activities/${a.id}`}>
                {a.date} {a.orgType === 'group' ? `${groupShort(a.orgName, a.branchName)} · ` : ''}{a.topic}
              </a>
              <span className="cd-att">应到 {a.expectedCount}，实到 {a.presentCount}{a.absentCount ? `，缺席 ${a.absentCount}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CellDrawer({ cell, onClose }: { cell: CellRef | null; onClose: () => void; onChanged?: () => void }) {
  const parts = cell
    ? cell.org.rules
        .filter((r) => (cell.ruleId ? r.ruleId === cell.ruleId : r.period === unitOf(cell.period)))
        .map((r) => ({ r, p: r.periods.find((p) => p.period === cell.period)! }))
        .filter((x) => x.p)
        .sort((a, b) => TONE_ORDER[toneOf(a.p)] - TONE_ORDER[toneOf(b.p)])
    : [];
  const ids = parts.flatMap((x) => [...x.p.activityIds, ...(x.p.rejected?.map((r) => r.activityId) ?? [])]);
  const { data: acts, loading } = useLoad(
    () => (ids.length ? ledger['activities.list']({ ids, includeDescendants: true }) : Promise.resolve([] as ActivityRow[])),
    [ids.join(',')],
  );
  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      size={520}
      title={cell ? `${cell.org.org} · ${periodLabel(cell.period)}` : ''}
      destroyOnHidden
    >
      {cell && (
        <Spin spinning={loading}>
          <Descriptions size="small" column={2} className="cd-desc">
            <Descriptions.Item label="上级组织">{cell.org.parent ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="成立日期">{cell.org.foundedOn ?? '未登记'}</Descriptions.Item>
          </Descriptions>
          {parts.length === 0 ? <Empty description="这一期没有需要检查的规则" /> : parts.map(({ r, p }) => <RuleBlock key={r.ruleId} org={cell.org} r={r} p={p} acts={acts ?? []} />)}
        </Spin>
      )}
    </Drawer>
  );
}
