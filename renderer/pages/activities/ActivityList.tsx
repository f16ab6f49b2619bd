// 活动记录: the year's records of the chosen org (and below it), newest first, filterable by type.
import { PaperClipOutlined } from '@ant-design/icons';
import { Input, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { ActivityRow } from '../../../shared/api/activities';
import { ledger } from '../../api';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import { groupShort, useActivityTypes } from './data';
import { useLoad } from '../../hooks';

export function ActivityList({ year }: { year: number }) {
  const { orgId } = useOrgs();
  const types = useActivityTypes();
  const [type, setType] = useState<string | null>(null);
  const [showVoided, setShowVoided] = useState(false);
  const { data, loading } = useLoad(
    () => ledger['activities.list']({ orgId, type, from: `${year}-01-01`, to: `${year}-12-31`, includeVoided: showVoided, limit: 5000 }),
    [orgId, type, year, showVoided],
  );
  // The search looks through what is loaded (the year's records of the scope): topic, host, place, org.
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return data ?? [];
    return (data ?? []).filter((r) => {
      const text = [r.topic, r.host, r.place, r.orgName, r.branchName, r.typeLabel, r.date].filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [data, q]);

  const columns: ColumnsType<ActivityRow> = [
    { title: '日期', dataIndex: 'date', width: 140, render: (d: string, r) => <span className="al-date">{d}{r.startTime ? <span className="al-time">{r.startTime}</span> : null}</span> },
    { title: '类型', dataIndex: 'typeLabel', width: 128, render: (t: string, r) => <Tag color={types.find((x) => x.code === r.type)?.core ? 'red' : undefined}>{t}</Tag> },
    { title: '党组织', key: 'org', width: 190, ellipsis: true, render: (_, r) => (r.branchName ? `${r.branchName} · ${groupShort(r.orgName, r.branchName)}` : r.orgName) },
    {
      title: '主题', dataIndex: 'topic', ellipsis: true,
      render: (t: string, r) => (
        // A row, not a Space: the topic shrinks and ends in "…" (with the whole topic on hover)
        // instead of being cut mid-character by the cell.
        <span className="al-topic-cell">
          <a href={`#/activities/${r.id}`} title={t} className={`al-topic ${r.voidedAt ? 'al-voided' : ''}`}>{t}</a>
          {r.attachmentCount > 0 && <PaperClipOutlined className="al-clip" aria-label={`${r.attachmentCount} 个附件`} />}
          {r.voidedAt && <Tag>已作废</Tag>}
        </span>
      ),
    },
    {
      title: '应到/实到', key: 'att', width: 96, align: 'center',
      render: (_, r) => {
        const free = types.find((t) => t.code === r.type)?.expected === 'none';
        if (free || !r.expectedCount) return r.presentCount ? <Tooltip title="参加人数">{r.presentCount} 人</Tooltip> : '—';
        return <span className={r.absentCount ? 'al-absent' : ''}>{r.expectedCount}/{r.presentCount}</span>;
      },
    },
    { title: '主持人', dataIndex: 'host', width: 88, ellipsis: true },
  ];

  return (
    <div>
      <div className="al-toolbar">
        <Select
          allowClear
          placeholder="全部类型"
          className="al-type"
          value={type ?? undefined}
          onChange={(v) => setType(v ?? null)}
          options={types.map((t) => ({ value: t.code, label: t.label }))}
        />
        <Input.Search allowClear placeholder="搜索主题、主持人、党组织" aria-label="搜索活动记录" className="al-search" onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />
        <Space>
          <Switch size="small" checked={showVoided} onChange={setShowVoided} /> <Typography.Text type="secondary">显示已作废</Typography.Text>
        </Space>
        <Typography.Text type="secondary">{data ? `共 ${shown.length} 条` : ''}</Typography.Text>
      </div>
      <Table<ActivityRow>
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/activities/${r.id}`) })}
        scroll={{ y: 'calc(100vh - 290px)' }}
      />
    </div>
  );
}
