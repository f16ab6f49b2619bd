// 出勤统计: each member's attendance of organisational life in the year, the spread of rates, and
// the members who missed three or more meetings in a row (what inspectors ask for first).
import { Card, Col, Empty, Input, Progress, Row, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { AbsenceRunRow, MemberAttendanceRow } from '../../../shared/api/activities';
import { ABSENCE_REASON_LABELS } from '../../../shared/domain/activity-types';
import { ledger } from '../../api';
import { useOrgs } from '../../org-context';
import { Chart } from '../../components/Chart';
import { pct } from '../../../shared/assessment';
import { useLoad } from '../../hooks';

const BUCKETS = [
  { label: '低于60%', test: (r: number) => r < 0.6, color: '#cf1322' },
  { label: '60%–80%', test: (r: number) => r >= 0.6 && r < 0.8, color: '#fa8c16' },
  { label: '80%–90%', test: (r: number) => r >= 0.8 && r < 0.9, color: '#fadb14' },
  { label: '90%–99%', test: (r: number) => r >= 0.9 && r < 1, color: '#73d13d' },
  { label: '全勤', test: (r: number) => r === 1, color: '#389e0d' },
];

export function AttendanceStats({ year }: { year: number }) {
  const { orgId } = useOrgs();
  const { data, loading } = useLoad(() => ledger['activities.attendance']({ year, orgId, minRun: 3 }), [year, orgId]);
  const [filter, setFilter] = useState<'all' | 'low'>('all');
  const [bucket, setBucket] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [runFilter, setRunFilter] = useState<'all' | 'notAway'>('all');
  // Mobile members (流动党员) are absent 外出 month after month; inspectors ask about the others first.
  const runs = useMemo(() => (data?.runs ?? []).filter((r) => runFilter === 'all' || r.reasons.some((x) => x !== 'away')), [data, runFilter]);

  const members = useMemo(() => {
    const q = search.trim();
    return (data?.members ?? []).filter((m) => {
      if (filter === 'low' && (m.rate === null || m.rate >= 0.8)) return false;
      if (bucket && (m.rate === null || !BUCKETS.find((b) => b.label === bucket)!.test(m.rate))) return false;
      return !q || m.name.includes(q) || (m.org ?? '').includes(q);
    });
  }, [data, filter, bucket, search]);

  const option = useMemo(() => {
    const rated = (data?.members ?? []).filter((m) => m.rate !== null);
    return {
      grid: { left: 40, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', formatter: (ps: { name: string; value: number }[]) => `${ps[0]!.name}：${ps[0]!.value} 人` },
      xAxis: { type: 'category', data: BUCKETS.map((b) => b.label), axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{
        type: 'bar', barWidth: '55%',
        data: BUCKETS.map((b) => ({ value: rated.filter((m) => b.test(m.rate!)).length, itemStyle: { color: b.color, opacity: bucket && bucket !== b.label ? 0.35 : 1 } })),
        label: { show: true, position: 'top' },
      }],
    };
  }, [data, bucket]);

  const columns: ColumnsType<MemberAttendanceRow> = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '所在支部', dataIndex: 'org', ellipsis: true },
    { title: '应参加', dataIndex: 'expected', width: 84, align: 'right', sorter: (a, b) => a.expected - b.expected },
    { title: '出席', dataIndex: 'present', width: 60, align: 'right' },
    {
      title: '缺席', dataIndex: 'absent', width: 74, align: 'right', sorter: (a, b) => a.absent - b.absent,
      render: (n: number, m) => (n ? <Tooltip title={`其中因病、因公 ${m.excused} 次`}><span className="as-absent">{n}</span></Tooltip> : 0),
    },
    {
      title: '出勤率', dataIndex: 'rate', width: 150, sorter: (a, b) => (a.rate ?? 2) - (b.rate ?? 2), defaultSortOrder: 'ascend',
      render: (r: number | null, m) => (
        <div className="as-rate" data-member={m.name} data-rate={r === null ? '' : r.toFixed(4)}>
          <Progress percent={r === null ? 0 : Math.round(r * 100)} size="small" status={r !== null && r < 0.6 ? 'exception' : 'normal'} format={() => pct(r, 0)} />
        </div>
      ),
    },
  ];

  const runColumns: ColumnsType<AbsenceRunRow> = [
    {
      title: '姓名', dataIndex: 'name', width: 136, ellipsis: true,
      render: (n: string, r) => (
        <div className="as-who">
          <span>
            {n}
            {r.sixMonths && <Tooltip title="连续半年以上未参加组织生活，请及时了解情况、谈心谈话"><Tag color="red" className="as-six">半年</Tag></Tooltip>}
            {r.ongoing && <Tooltip title="最近一次会议仍缺席"><Tag color="orange" className="as-six">至今</Tag></Tooltip>}
          </span>
          <span className="as-org">{r.org}</span>
        </div>
      ),
    },
    { title: '次数', dataIndex: 'count', width: 52, align: 'center' },
    { title: '期间', key: 'span', width: 96, render: (_, r) => <span className="as-span">{r.from.slice(5)}～{r.to.slice(5)}</span> },
    {
      title: '原因', key: 'reasons', ellipsis: true,
      render: (_, r) => [...new Set(r.reasons.map((x) => (x ? ABSENCE_REASON_LABELS[x] : '未说明')))].join('、'),
    },
  ];

  return (
    <Row gutter={16}>
      <Col span={15}>
        <Card size="small" title={`${year} 年党员出勤率`} extra={
          <div className="as-tools">
            <Input.Search allowClear size="small" placeholder="姓名或支部" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} className="as-search" />
            <Segmented size="small" value={filter} onChange={(v) => setFilter(v as 'all' | 'low')} options={[{ value: 'all', label: '全部' }, { value: 'low', label: '低于80%' }]} />
          </div>
        }>
          <Table<MemberAttendanceRow>
            size="small"
            rowKey="memberId"
            loading={loading}
            columns={columns}
            dataSource={members}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
            scroll={{ y: 'calc(100vh - 360px)' }}
            locale={{ emptyText: <Empty description="这一年还没有出勤记录" /> }}
          />
        </Card>
      </Col>
      <Col span={9}>
        <Card size="small" title="出勤率分布" extra={bucket && <a onClick={() => setBucket(null)}>显示全部</a>} className="as-card">
          <Chart option={option} height={190} label="出勤率分布" onClick={(name) => setBucket((b) => (b === name ? null : name))} />
          <Typography.Text type="secondary" className="as-hint">
            {data ? `共 ${data.members.length} 名党员有出勤记录；点击柱子筛选左侧名单。统计支部党员大会、支委会、党小组会、党课、主题党日、组织生活会、民主评议。` : ''}
          </Typography.Text>
        </Card>
        <Card
          size="small"
          title={`连续缺席三次及以上（${runs.length} 人次）`}
          className="as-card"
          extra={<Segmented size="small" value={runFilter} onChange={(v) => setRunFilter(v as 'all' | 'notAway')} options={[{ value: 'all', label: '全部' }, { value: 'notAway', label: '不含全部外出' }]} />}
        >
          <Table<AbsenceRunRow>
            size="small"
            rowKey={(r) => `${r.memberId}-${r.from}`}
            columns={runColumns}
            dataSource={runs}
            pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
            locale={{ emptyText: '没有连续缺席三次及以上的党员' }}
          />
        </Card>
      </Col>
    </Row>
  );
}
