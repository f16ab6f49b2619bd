// 民情: the 民情卡 of the chosen org (走千家), searchable by the head's name, pinyin initials or the
// address, filtered by category and status; a row opens the household's card with its contact
// members and visit history, where a visit is recorded once (it counts everywhere it belongs).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { HouseholdListRow } from '../../../shared/api/households';
import { HOUSEHOLD_CATEGORIES, HOUSEHOLD_CATEGORY_LABELS, type HouseholdCategory } from '../../../shared/domain/household';
import { ledger } from '../../api';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate, useLocation } from '../../router';
import { matches } from '../members/filter';
import { HouseholdDrawer } from './HouseholdDrawer';
import { HouseholdForm } from './HouseholdForm';

export default function HouseholdsPage() {
  const { orgId, pathName } = useOrgs();
  const { segments } = useLocation();
  const openId = segments[1] ? Number(segments[1]) : null;
  const [includeClosed, setIncludeClosed] = useState(false);
  const [category, setCategory] = useState<HouseholdCategory | null>(null);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const { data, loading, reload } = useLoad(() => ledger['households.list']({ orgId, includeClosed }), [orgId, includeClosed]);
  const rows = useMemo(() => {
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return (data ?? [])
      .filter((h) => !category || h.categories.includes(category))
      .filter((h) => matches({ initials: h.initials, pinyin: h.pinyin, search: `${h.head}\u0001${h.addressLine}\u0001${h.people.map((p) => p.name).join('\u0001')}`.toLowerCase() }, words));
  }, [data, q, category]);
  const open = rows.reduce((n, h) => n + h.openFollowUps, 0);

  const columns: ColumnsType<HouseholdListRow> = [
    { title: '户主', dataIndex: 'head', width: 90, render: (v: string, h) => <a href={`#/households/${h.id}`}>{v}</a> },
    { title: '住址', dataIndex: 'addressLine', ellipsis: true },
    { title: '党组织', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '类别', dataIndex: 'categories', width: 200, render: (c: HouseholdCategory[]) => c.map((x) => <Tag key={x}>{HOUSEHOLD_CATEGORY_LABELS[x]}</Tag>) },
    { title: '联系党员', dataIndex: 'contacts', width: 140, render: (c: string[]) => c.join('、') || '—' },
    { title: '走访', dataIndex: 'visitCount', width: 70, align: 'right' },
    { title: '最近走访', dataIndex: 'lastVisit', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '未办结', dataIndex: 'openFollowUps', width: 80, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : '—') },
    { title: '状态', key: 'status', width: 90, render: (_, h) => (h.closedOn ? <Tag>已注销</Tag> : <Tag color="green">在册</Tag>) },
  ];

  return (
    <div className="households-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>民情</Typography.Title>
          <span className="page-subtitle">{orgId !== null ? pathName(orgId) : '全街道'}</span>
        </Space>
        <Space wrap>
          <Input.Search allowClear placeholder="户主、拼音首字母或地址" value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} aria-label="查找民情卡" />
          <Select allowClear placeholder="类别" value={category} onChange={(v) => setCategory(v ?? null)} style={{ width: 140 }} aria-label="类别"
            options={HOUSEHOLD_CATEGORIES.map((c) => ({ value: c, label: HOUSEHOLD_CATEGORY_LABELS[c] }))} />
          <Select value={includeClosed} onChange={setIncludeClosed} style={{ width: 140 }} aria-label="状态"
            options={[{ value: false, label: '在册' }, { value: true, label: '含已注销' }]} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记民情卡</Button>
        </Space>
      </div>
      <Space size={24} style={{ marginBottom: 8 }}>
        <span>共 <b>{rows.length}</b> 户</span>
        <span>未办结转办 <b>{open}</b> 件</span>
      </Space>
      <Card size="small">
        <Table<HouseholdListRow> size="small" rowKey="id" columns={columns} dataSource={rows} loading={loading} pagination={{ pageSize: 50, showSizeChanger: false }}
          onRow={(h) => ({ onDoubleClick: () => navigate(`/households/${h.id}`) })} />
      </Card>
      {adding && <HouseholdForm onClose={() => setAdding(false)} onSaved={(id) => { setAdding(false); reload(); navigate(`/households/${id}`); }} />}
      {openId !== null && <HouseholdDrawer id={openId} onClose={() => navigate('/households')} onChanged={reload} />}
    </div>
  );
}
