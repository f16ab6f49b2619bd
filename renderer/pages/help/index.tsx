// 帮扶: the 五助二扶一带 help records of the chosen org (and below) for a year, the donation
// stations with their balance and in/out book, the quarterly 简报 draft; and the 流动党员 contact
// log (定人定期联系) with who is overdue this quarter.
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { AidRecordRow, DonationRow, StationView } from '../../../shared/api/help';
import { AID_CATEGORY_LABELS, AID_HELPER_KIND_LABELS, DONATION_KIND_LABELS } from '../../../shared/domain/aid';
import { ledger } from '../../api';
import { saveBytes } from '../../download';
import { attempt } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate, useLocation } from '../../router';
import { AidDialog, DonationDialog, StationDialog } from './dialogs';
import MobileContacts from './MobileContacts';
import { voidWithReason } from './void';
import './help.css';

const THIS_YEAR = dayjs().year();
const money = (v: number) => v.toFixed(2);

export default function HelpPage() {
  const { orgId, pathName } = useOrgs();
  const [year, setYear] = useState(THIS_YEAR);
  const tab = useLocation().query.get('tab') ?? 'records';
  const { data, loading, reload } = useLoad(() => ledger['help.overview']({ orgId, from: `${year}-01-01`, to: `${year}-12-31` }), [orgId, year]);
  return (
    <div className="help-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>帮扶</Typography.Title>
          <span className="page-subtitle">{orgId ? pathName(orgId) : '全街道'} · 五助二扶一带、捐助站、流动党员联系</span>
        </Space>
        <Select value={year} onChange={setYear} className="help-year" aria-label="年度"
          options={Array.from({ length: 5 }, (_, i) => THIS_YEAR - i).map((v) => ({ value: v, label: `${v} 年` }))} />
      </div>
      <Tabs
        activeKey={tab} onChange={(k) => navigate(`/help?tab=${k}`, { replace: true })}
        items={[
          { key: 'records', label: '帮扶记录', children: <Records records={data?.records ?? []} byCategory={data?.byCategory ?? []} loading={loading} year={year} onChange={reload} /> },
          { key: 'stations', label: '捐助站', children: <Stations stations={data?.stations ?? []} loading={loading} onChange={reload} /> },
          { key: 'mobile', label: '流动党员联系', children: <MobileContacts /> },
        ]}
      />
    </div>
  );
}

function BriefButton({ year }: { year: number }) {
  const { orgId } = useOrgs();
  const current = year === THIS_YEAR ? Math.floor(dayjs().month() / 3) + 1 : 4;
  const [quarter, setQuarter] = useState(current);
  const download = async () => {
    const b = await attempt(() => ledger['help.brief']({ orgId, year, quarter }));
    // A byte-order mark: Word, WPS and Notepad then open the draft as UTF-8 without asking.
    if (b) saveBytes(`\uFEFF${b.text}`, b.fileName, 'text/plain;charset=utf-8');
  };
  return (
    <Space.Compact>
      <Select value={quarter} onChange={setQuarter} aria-label="季度" className="help-quarter"
        options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} />
      <Button icon={<FileTextOutlined />} onClick={download}>生成季度简报</Button>
    </Space.Compact>
  );
}

function Records({ records, byCategory, loading, year, onChange }: {
  records: AidRecordRow[]; byCategory: { category: keyof typeof AID_CATEGORY_LABELS; count: number; value: number }[]; loading: boolean; year: number; onChange: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const total = records.reduce((n, r) => n + Math.round(r.value * 100), 0) / 100;
  return (
    <>
      <Card size="small" className="help-toolbar">
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记帮扶</Button>
          <BriefButton year={year} />
          <Typography.Text>全年 {records.length} 次，折合 {money(total)} 元：</Typography.Text>
          {byCategory.map((c) => <Tag key={c.category} color={c.count ? 'red' : undefined}>{AID_CATEGORY_LABELS[c.category]} {c.count}</Tag>)}
        </Space>
      </Card>
      <Table<AidRecordRow>
        size="small" rowKey="id" loading={loading} dataSource={[...records].reverse()} pagination={{ pageSize: 15, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="这一年还没有帮扶记录" /> }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '帮扶对象', dataIndex: 'recipient', width: 90, render: (v: string, r) => <span>{v}{r.householdId !== null ? <Tag className="help-card-tag">民情卡</Tag> : null}</span> },
          { title: '类别', dataIndex: 'category', width: 120, render: (c: AidRecordRow['category']) => AID_CATEGORY_LABELS[c] },
          { title: '帮扶人（单位）', dataIndex: 'helperName', width: 160, render: (v: string, r) => <span>{v} <Typography.Text type="secondary">{AID_HELPER_KIND_LABELS[r.helperKind]}</Typography.Text></span> },
          { title: '帮扶内容', dataIndex: 'content', render: (v: string, r) => <span>{v}{r.notable ? <Tag color="gold" className="help-card-tag">典型</Tag> : null}</span> },
          { title: '折合金额（元）', dataIndex: 'value', width: 110, align: 'right', render: (v: number) => (v ? money(v) : '') },
          { title: '所属党组织', dataIndex: 'org', width: 170 },
          { title: '', key: 'void', width: 60, render: (_, r) => <Button size="small" type="link" danger onClick={async () => { if (await voidWithReason(`作废对${r.recipient}的帮扶记录`, (reason) => ledger['help.voidRecord']({ id: r.id, reason }))) onChange(); }}>作废</Button> },
        ]}
      />
      {adding && <AidDialog onClose={() => setAdding(false)} onSaved={onChange} />}
    </>
  );
}

function Stations({ stations, loading, onChange }: { stations: StationView[]; loading: boolean; onChange: () => void }) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} className="help-toolbar">设立捐助站</Button>
      {stations.length === 0 && !loading ? <Card><Empty description="所选组织还没有捐助站" /></Card> : null}
      {stations.map((s) => <StationCard key={s.id} station={s} loading={loading} onChange={onChange} />)}
      {creating && <StationDialog onClose={() => setCreating(false)} onSaved={onChange} />}
    </>
  );
}

function StationCard({ station: s, loading, onChange }: { station: StationView; loading: boolean; onChange: () => void }) {
  const [direction, setDirection] = useState<'in' | 'out' | null>(null);
  const rows = useMemo(() => [...s.entries].reverse(), [s.entries]);
  return (
    <Card size="small" className="help-station" title={<span>{s.name} <Typography.Text type="secondary">{s.org}{s.keeper ? ` · 管理人 ${s.keeper}` : ''}</Typography.Text></span>}
      extra={<Space><Button size="small" type="primary" onClick={() => setDirection('in')}>登记收入</Button><Button size="small" onClick={() => setDirection('out')}>登记发放</Button></Space>}>
      <Space size={32} className="help-balance" aria-label={`${s.name}结余`}>
        <Statistic title="现金结余（元）" value={money(s.closing.money)} data-testid="money-balance" />
        <Statistic title="结余合计（含物资折合，元）" value={money(s.closing.total)} />
        <Statistic title="本年收入（元）" value={money(s.totals.in)} />
        <Statistic title="本年发出（元）" value={money(s.totals.out)} />
      </Space>
      <Table<DonationRow>
        size="small" rowKey="id" loading={loading} dataSource={rows} pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '收/发', dataIndex: 'direction', width: 60, render: (d: string) => (d === 'in' ? <Tag color="green">收</Tag> : <Tag color="blue">发</Tag>) },
          { title: '捐助人／领取人', dataIndex: 'party', width: 180 },
          { title: '款/物', dataIndex: 'kind', width: 60, render: (k: DonationRow['kind']) => DONATION_KIND_LABELS[k] },
          { title: '款物内容', dataIndex: 'description' },
          { title: '收入', key: 'in', width: 90, align: 'right', render: (_, e) => (e.direction === 'in' ? money(e.value) : '') },
          { title: '发出', key: 'out', width: 90, align: 'right', render: (_, e) => (e.direction === 'out' ? money(e.value) : '') },
          { title: '现金结余', dataIndex: 'moneyBalance', width: 100, align: 'right', render: money },
          { title: '结余合计', dataIndex: 'balance', width: 100, align: 'right', render: money },
          { title: '', key: 'void', width: 60, render: (_, e) => <Button size="small" type="link" danger onClick={async () => { if (await voidWithReason(`作废 ${e.date} ${e.party} 的记录`, (reason) => ledger['help.voidDonation']({ id: e.id, reason }))) onChange(); }}>作废</Button> },
        ]}
      />
      {direction && <DonationDialog station={s} direction={direction} onClose={() => setDirection(null)} onSaved={onChange} />}
    </Card>
  );
}
