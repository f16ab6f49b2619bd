// 首页 panel: what each branch still owes this month/quarter/year, and what it missed lately.
// Scoped by the org chosen in the tree; a click records the missing activity.
import { Button, Empty, List, Segmented, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DueItem } from '../../../shared/api/activities';
import { ledger } from '../../api';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import { newActivityHref } from './CellDrawer';
import { groupShort } from './data';
import { useLoad } from '../../hooks';
import './activities.css';

function what(i: DueItem): string {
  if (i.missingDays?.length) return `缺 ${i.missingDays.map((d) => `${Number(d.slice(8))}日`).join('、')}`;
  if (i.missingGroups?.length) return `${i.missingGroups.map((g) => groupShort(g.name, i.org)).join('、')}未开`;
  if (i.missingMemberCount) return `${i.missingMemberCount} 人未谈话`;
  return i.count > 0 ? `已开 ${i.count} 次，还差 ${i.needed - i.count} 次` : `还需 ${i.needed} 次`;
}

export default function DuePanel() {
  const { orgId } = useOrgs();
  const { data, loading } = useLoad(() => ledger['activities.due']({ orgId }), [orgId]);
  const [kind, setKind] = useState<'overdue' | 'due'>('overdue');
  const items = useMemo(() => (data?.items ?? []).filter((i) => i.kind === kind), [data, kind]);
  const overdue = data?.items.filter((i) => i.kind === 'overdue').length ?? 0;
  const due = data?.items.filter((i) => i.kind === 'due').length ?? 0;

  return (
    <Spin spinning={loading}>
      <div className="dp-head">
        <Segmented
          size="small"
          value={kind}
          onChange={(v) => setKind(v as 'overdue' | 'due')}
          options={[
            { value: 'overdue', label: <span>已逾期 <b className={overdue ? 'dp-bad' : ''}>{overdue}</b></span> },
            { value: 'due', label: <span>本期待开展 <b>{due}</b></span> },
          ]}
        />
        <Button size="small" type="link" onClick={() => navigate('/activities?tab=matrix')}>查看完成情况</Button>
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={kind === 'overdue' ? '近三个月没有逾期未开展的活动' : '本期的活动都已开展'} />
      ) : (
        <List
          size="small"
          className="dp-list"
          dataSource={items.slice(0, 60)}
          renderItem={(i) => (
            <List.Item
              className="dp-item"
              actions={[
                <a key="rec" onClick={() => navigate(newActivityHref({ orgId: i.missingGroups?.[0]?.id ?? i.orgId, type: i.activityType, date: i.kind === 'overdue' ? (i.missingDays?.[0] ?? i.deadline) : undefined, back: '/' }))}>
                  {i.kind === 'overdue' ? '补录' : '记录'}
                </a>,
              ]}
            >
              <div className="dp-line">
                <Typography.Text ellipsis className="dp-org">{i.org}</Typography.Text>
                <Tag color={i.kind === 'overdue' ? 'error' : 'warning'}>{i.rule}</Tag>
                <span className="dp-period">{i.periodLabel}</span>
                <span className="dp-what">{what(i)}</span>
                {i.kind === 'due' && <span className="dp-deadline">截止 {i.deadline.slice(5)}</span>}
              </div>
            </List.Item>
          )}
        />
      )}
      {items.length > 60 && <Typography.Text type="secondary">还有 {items.length - 60} 项，请在“活动 › 完成情况”中查看。</Typography.Text>}
    </Spin>
  );
}

