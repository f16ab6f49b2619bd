// 党费: one branch's year as a month grid (paid date, 补缴, 欠交), a month recorded for everyone who
// pays the standard amount in one action, each member's base and payments, the arrears list
// (6 months and more flagged) and the 上缴 remittances. The branch follows the left-hand tree.
import { CheckOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { DuesCell, DuesMemberRow, DuesSheet } from '../../../shared/api/dues';
import { DUES_CATEGORIES, DUES_CATEGORY_LABELS, INCOME_CATEGORIES, type DuesCategory } from '../../../shared/domain/dues';
import { isBranchType } from '../../../shared/domain/org';
import { ledger } from '../../api';
import { attempt, confirmAction, showSuccess } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { DuesImportDialog } from './ImportDialog';
import './dues.css';

const THIS_YEAR = dayjs().year();
const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));
const monthLabel = (m: string) => `${Number(m.slice(5))}月`;

function CellTag({ cell }: { cell: DuesCell }) {
  switch (cell.state) {
    case 'paid': return <span className="dues-paid" title={`${cell.paidOn ?? ''} 交纳 ${money(cell.paid)} 元`}>{cell.paidOn ? cell.paidOn.slice(5).replace('-', '.') : '已交'}</span>;
    case 'late': return <span className="dues-late" title={`${cell.paidOn ?? ''} 补缴 ${money(cell.paid)} 元`}>{cell.paidOn?.slice(5).replace('-', '.')}补</span>;
    case 'unpaid': return <span className="dues-unpaid">欠</span>;
    case 'current': return <span className="dues-current">待交</span>;
    case 'notOwed': return <span className="dues-none">—</span>;
    default: return null;
  }
}

export default function DuesPage() {
  const { orgs, orgId: treeOrg, byId, subtree, pathName } = useOrgs();
  const branches = useMemo(() => {
    const scope = treeOrg ? subtree(treeOrg) : null;
    return orgs.filter((o) => isBranchType(o.type) && (!scope || scope.has(o.id)));
  }, [orgs, treeOrg, subtree]);
  const [orgId, setOrgId] = useState<number | null>(null);
  useEffect(() => {
    const fromTree = treeOrg !== null ? byId.get(treeOrg) : undefined;
    const wanted = fromTree?.type === 'group' ? fromTree.parentId : fromTree && isBranchType(fromTree.type) ? fromTree.id : null;
    if (wanted) setOrgId(wanted);
    else if (!branches.some((b) => b.id === orgId)) setOrgId(branches[0]?.id ?? null);
  }, [branches, treeOrg, byId, orgId]);
  const [year, setYear] = useState(THIS_YEAR);
  const [sheet, setSheet] = useState<DuesSheet>();
  const { data, loading, reload } = useLoad(() => (orgId ? ledger['dues.sheet']({ orgId, year }) : Promise.resolve(undefined)), [orgId, year]);
  const [importing, setImporting] = useState(false);
  useEffect(() => setSheet(data), [data]);

  if (!branches.length) return <Card><Empty description="所选组织下没有党支部" /></Card>;
  return (
    <div className="dues-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>党费收缴</Typography.Title>
          <span className="page-subtitle">{orgId ? pathName(orgId) : ''}</span>
        </Space>
        <Space>
          <Select
            value={orgId ?? undefined} onChange={setOrgId} className="dues-org" showSearch={{ optionFilterProp: 'label' }} aria-label="支部"
            options={branches.map((b) => ({ value: b.id, label: b.name }))}
          />
          <Select value={year} onChange={setYear} className="dues-year" aria-label="年度"
            options={Array.from({ length: 5 }, (_, i) => THIS_YEAR - i).map((v) => ({ value: v, label: `${v} 年` }))} />
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>导入</Button>
        </Space>
      </div>
      {importing && <DuesImportDialog year={year} onClose={() => setImporting(false)} onImported={reload} />}
      {sheet && orgId ? <SheetView sheet={sheet} loading={loading} onChange={setSheet} /> : <Card loading />}
    </div>
  );
}

function SheetView({ sheet, loading, onChange }: { sheet: DuesSheet; loading: boolean; onChange: (s: DuesSheet) => void }) {
  const ctx = { orgId: sheet.orgId, year: sheet.year };
  const [payFor, setPayFor] = useState<DuesMemberRow | null>(null);
  const [baseFor, setBaseFor] = useState<DuesMemberRow | null>(null);
  const ended = sheet.months.filter((m) => m < sheet.today.slice(0, 7) || (m === sheet.today.slice(0, 7)));
  const [month, setMonth] = useState(ended.at(-1) ?? sheet.months[0]!);
  const [paidOn, setPaidOn] = useState<Dayjs>(dayjs());
  const owingThisMonth = sheet.members.filter((m) => {
    const c = m.cells.find((x) => x.month === month)!;
    return (c.state === 'unpaid' || c.state === 'current') && c.due !== null;
  }).length;
  const arrearsMonths = sheet.arrears.reduce((n, a) => n + a.months.length, 0);

  const recordMonth = async () => {
    const r = await attempt(() => ledger['dues.payMonth']({ ...ctx, month, paidOn: paidOn.format('YYYY-MM-DD') }));
    if (r) {
      onChange(r);
      showSuccess(`已按标准登记 ${r.recorded} 名党员 ${monthLabel(month)} 的党费`);
    }
  };

  const columns: ColumnsType<DuesMemberRow> = [
    { title: '姓名', dataIndex: 'name', width: 86, fixed: 'left' },
    {
      title: '交纳基数', key: 'base', width: 150,
      render: (_, m) => (m.base
        ? <span>{m.base.income !== null ? `月收入 ${money(m.base.income)}` : DUES_CATEGORY_LABELS[m.base.category]}{m.kind === 'probationary' ? <Tag color="gold" className="dues-kind">预备</Tag> : null}</span>
        : <Typography.Text type="danger">未登记</Typography.Text>),
    },
    { title: '月交纳额', key: 'amount', width: 80, align: 'right', render: (_, m) => (m.base ? <span title={m.base.overrideReason ?? undefined}>{money(m.base.amount)}{m.base.overrideReason ? '*' : ''}</span> : '—') },
    ...sheet.months.map((mo, i) => ({ title: monthLabel(mo), key: mo, width: 52, align: 'center' as const, render: (_: unknown, m: DuesMemberRow) => <CellTag cell={m.cells[i]!} /> })),
    {
      title: '操作', key: 'act', width: 150, fixed: 'right',
      render: (_, m) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setPayFor(m)} aria-label={`${m.name} 登记交纳`}>登记交纳</Button>
          <Button size="small" type="link" onClick={() => setBaseFor(m)} aria-label={`${m.name} 交纳基数`}>基数</Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card size="small" className="dues-toolbar">
        <Space wrap>
          <span>月份</span>
          <Select value={month} onChange={setMonth} className="dues-month" aria-label="登记月份" options={sheet.months.map((m) => ({ value: m, label: `${m.slice(0, 4)}年${monthLabel(m)}` }))} />
          <span>交纳日期</span>
          <DatePicker value={paidOn} onChange={(d) => d && setPaidOn(d)} allowClear={false} aria-label="交纳日期" />
          <Button type="primary" icon={<CheckOutlined />} onClick={recordMonth} disabled={owingThisMonth === 0}>
            本月按标准全部登记（{owingThisMonth} 人）
          </Button>
          <Typography.Text type="secondary">为本月尚未交纳、已登记基数的党员各登记一条按标准金额的交纳记录</Typography.Text>
        </Space>
      </Card>
      {sheet.warnings.length ? <Alert type="warning" showIcon className="dues-alert" title={sheet.warnings.join('；')} /> : null}
      <div className="dues-body">
        <Table<DuesMemberRow>
          size="small" rowKey="memberId" columns={columns} dataSource={sheet.members} loading={loading} pagination={false}
          scroll={{ x: 1100 }} className="dues-grid" summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>已交 / 应交（元）</Table.Summary.Cell>
              {sheet.totals.map((t, i) => (
                <Table.Summary.Cell index={3 + i} key={t.month} align="center"><span className="dues-total">{money(t.paid)}<br />{money(t.due)}</span></Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={15} />
            </Table.Summary.Row>
          )}
        />
        <Card size="small" className="dues-arrears" title={<span>欠交党员 <span className="dues-arrears-count" data-testid="arrears-count">{sheet.arrears.length} 人 {arrearsMonths} 个月</span></span>}>
          {sheet.arrears.length === 0 ? <Empty description="没有欠交" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
            <ul className="dues-arrears-list" aria-label="欠交党员">
              {sheet.arrears.map((a) => (
                <li key={a.memberId}>
                  <b>{a.name}</b> {a.months.map(monthLabel).join('、')}（{money(a.amount)} 元）
                  {a.flagged ? <Tag color="red">满 6 个月</Tag> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Tabs
        className="dues-tabs"
        items={[
          { key: 'payments', label: '交纳记录', children: <Payments sheet={sheet} onChange={onChange} /> },
          { key: 'remit', label: '上缴', children: <Remittances sheet={sheet} onChange={onChange} /> },
        ]}
      />
      {payFor && <PayDialog member={payFor} sheet={sheet} onClose={() => setPayFor(null)} onChange={onChange} />}
      {baseFor && <BaseDialog member={baseFor} sheet={sheet} onClose={() => setBaseFor(null)} onChange={onChange} />}
    </>
  );
}

function PayDialog({ member, sheet, onClose, onChange }: { member: DuesMemberRow; sheet: DuesSheet; onClose: () => void; onChange: (s: DuesSheet) => void }) {
  const open = member.cells.filter((c) => c.state === 'unpaid' || c.state === 'current' || c.state === 'notDue').map((c) => c.month);
  const [months, setMonths] = useState<string[]>(member.cells.filter((c) => c.state === 'unpaid' || c.state === 'current').map((c) => c.month));
  const [paidOn, setPaidOn] = useState<Dayjs>(dayjs());
  const [receiptNo, setReceiptNo] = useState('');
  const total = months.reduce((n, m) => n + Math.round((member.cells.find((c) => c.month === m)?.due ?? member.base?.amount ?? 0) * 100), 0) / 100;
  const save = async () => {
    const r = await attempt(() => ledger['dues.pay']({ orgId: sheet.orgId, year: sheet.year, memberId: member.memberId, months, paidOn: paidOn.format('YYYY-MM-DD'), receiptNo }), `已登记${member.name}交纳党费 ${total.toFixed(2)} 元`);
    if (r) { onChange(r); onClose(); }
  };
  return (
    <Modal open title={`登记交纳：${member.name}`} onCancel={onClose} onOk={save} okText="登记" okButtonProps={{ disabled: months.length === 0 }}>
      <Form layout="vertical">
        <Form.Item label="交纳月份（可多选：按季、按年预交或补缴欠交）">
          <Select mode="multiple" value={months} onChange={setMonths} aria-label="交纳月份" options={open.map((m) => ({ value: m, label: monthLabel(m) }))} />
        </Form.Item>
        <Form.Item label="交纳日期"><DatePicker value={paidOn} onChange={(d) => d && setPaidOn(d)} allowClear={false} /></Form.Item>
        <Form.Item label="收据编号"><Input value={receiptNo} onChange={(e) => setReceiptNo(e.target.value)} placeholder="可不填" /></Form.Item>
        <Typography.Text>合计 {total.toFixed(2)} 元</Typography.Text>
      </Form>
    </Modal>
  );
}

function BaseDialog({ member, sheet, onClose, onChange }: { member: DuesMemberRow; sheet: DuesSheet; onClose: () => void; onChange: (s: DuesSheet) => void }) {
  const [category, setCategory] = useState<DuesCategory>(member.base?.category ?? 'employed');
  const [income, setIncome] = useState<number | null>(member.base?.income ?? null);
  const [amount, setAmount] = useState<number | null>(member.base?.overrideReason ? member.base.amount : null);
  const [reason, setReason] = useState(member.base?.overrideReason ?? '');
  const [fromMonth, setFromMonth] = useState(sheet.today.slice(0, 7) < `${sheet.year}-01` ? `${sheet.year}-01` : sheet.today.slice(0, 7));
  const save = async () => {
    const r = await attempt(() => ledger['dues.setBase']({
      orgId: sheet.orgId, year: sheet.year, memberId: member.memberId, fromMonth, category,
      income: INCOME_CATEGORIES.has(category) ? income : null, amount, reason,
    }), `已登记${member.name}的交纳基数`);
    if (r) { onChange(r); onClose(); }
  };
  return (
    <Modal open title={`交纳基数：${member.name}`} onCancel={onClose} onOk={save} okText="保存">
      <Form layout="vertical">
        <Form.Item label="起始月份"><Input value={fromMonth} onChange={(e) => setFromMonth(e.target.value)} placeholder="如 2025-01" aria-label="起始月份" /></Form.Item>
        <Form.Item label="交纳类别">
          <Select value={category} onChange={setCategory} aria-label="交纳类别" options={DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        {INCOME_CATEGORIES.has(category) && (
          <Form.Item label="税后月收入（元）"><InputNumber value={income} onChange={setIncome} min={0} precision={2} className="dues-num" aria-label="税后月收入" /></Form.Item>
        )}
        <Form.Item label="每月交纳金额（元，与标准不同时填写）"><InputNumber value={amount} onChange={setAmount} min={0} precision={2} className="dues-num" aria-label="每月交纳金额" /></Form.Item>
        <Form.Item label="原因（如“自愿多交”）"><Input value={reason} onChange={(e) => setReason(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}

function Payments({ sheet, onChange }: { sheet: DuesSheet; onChange: (s: DuesSheet) => void }) {
  const voidOne = async (id: number) => {
    let reason = '';
    const ok = await confirmAction({
      title: '作废这条交纳记录',
      content: <Input placeholder="作废原因（将记入操作日志）" onChange={(e) => { reason = e.target.value; }} aria-label="作废原因" />,
      okText: '作废', danger: true,
    });
    if (!ok || !reason.trim()) return;
    const r = await attempt(() => ledger['dues.voidPayment']({ orgId: sheet.orgId, year: sheet.year, id, reason }), '已作废这条交纳记录');
    if (r) onChange(r);
  };
  return (
    <Table
      size="small" rowKey="id" dataSource={sheet.payments} pagination={{ pageSize: 10, showSizeChanger: false }}
      columns={[
        { title: '交纳日期', dataIndex: 'paidOn', width: 110 },
        { title: '姓名', dataIndex: 'name', width: 90 },
        { title: '月份', dataIndex: 'months', render: (ms: string[]) => ms.map((m) => m.slice(0, 4) === String(sheet.year) ? monthLabel(m) : m).join('、') },
        { title: '金额（元）', dataIndex: 'amount', width: 100, align: 'right', render: money },
        { title: '收据', dataIndex: 'receiptNo', width: 100 },
        { title: '', dataIndex: 'arrears', width: 60, render: (a: boolean) => (a ? <Tag color="orange">补缴</Tag> : null) },
        { title: '', key: 'void', width: 70, render: (_, p) => <Button size="small" type="link" danger onClick={() => voidOne(p.id)}>作废</Button> },
      ]}
    />
  );
}

function Remittances({ sheet, onChange }: { sheet: DuesSheet; onChange: (s: DuesSheet) => void }) {
  const [form] = Form.useForm<{ month: string; remittedOn: Dayjs; amount: number; recipient: string; receiptNo?: string }>();
  const submit = async (v: { month: string; remittedOn: Dayjs; amount: number; recipient: string; receiptNo?: string }) => {
    const r = await attempt(() => ledger['dues.remit']({ orgId: sheet.orgId, year: sheet.year, month: v.month, remittedOn: v.remittedOn.format('YYYY-MM-DD'), amount: v.amount, recipient: v.recipient, receiptNo: v.receiptNo }), '已登记上缴');
    if (r) { onChange(r); form.resetFields(['amount', 'receiptNo']); }
  };
  return (
    <>
      <Form form={form} layout="inline" onFinish={submit} className="dues-remit-form" initialValues={{ remittedOn: dayjs(), recipient: '街道党工委' }}>
        <Form.Item name="month" rules={[{ required: true, message: '请选择月份' }]}>
          <Select placeholder="所属月份" className="dues-month" options={sheet.months.map((m) => ({ value: m, label: monthLabel(m) }))} />
        </Form.Item>
        <Form.Item name="remittedOn"><DatePicker allowClear={false} /></Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: '请填写上缴金额' }]}><InputNumber min={0.01} precision={2} placeholder="金额（元）" className="dues-num" /></Form.Item>
        <Form.Item name="recipient" rules={[{ required: true, message: '请填写接收单位' }]}><Input placeholder="接收单位" /></Form.Item>
        <Form.Item name="receiptNo"><Input placeholder="收据编号" /></Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />}>登记上缴</Button>
      </Form>
      <Table
        size="small" rowKey="id" dataSource={sheet.remittances} pagination={false}
        columns={[
          { title: '所属月份', dataIndex: 'month', width: 100 },
          { title: '上缴日期', dataIndex: 'remittedOn', width: 110 },
          { title: '金额（元）', dataIndex: 'amount', width: 100, align: 'right', render: money },
          { title: '接收单位', dataIndex: 'recipient' },
          { title: '收据', dataIndex: 'receiptNo', width: 100 },
        ]}
      />
      <Typography.Text type="secondary">
        本年已收 {money(sheet.totals.reduce((n, t) => n + Math.round(t.paid * 100), 0) / 100)} 元，已上缴 {money(sheet.totals.reduce((n, t) => n + Math.round(t.remitted * 100), 0) / 100)} 元
      </Typography.Text>
    </>
  );
}
