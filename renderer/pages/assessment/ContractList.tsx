// 下达与签订: each branch's contract of the year — issued, signed, adjusted for the branch, its
// assessment's state — with the per-branch adjustment drawer and the way to its scoring page.
import { EditOutlined, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Drawer, Empty, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ContractDetail, ContractSummary } from '../../../shared/api/assessment';
import { ledger } from '../../api';
import { confirmAction, showError, showSuccess } from '../../feedback';
import { navigate } from '../../router';
import { useLoad } from '../../hooks';
import { IndicatorTable, type IndicatorDraft, SumBar, fromDrafts, toDrafts } from './IndicatorTable';
import { STATUS_TAGS, fmt, goAssessment, scoreHref } from './format';

export function ContractList({ year }: { year: number }) {
  const { data, loading, reload } = useLoad(() => ledger['assessment.contracts']({ year }), [year]);
  const [adjusting, setAdjusting] = useState<number | null>(null);

  const sign = async (c: ContractSummary, d: dayjs.Dayjs | null) => {
    try {
      await ledger['assessment.signContract']({ contractId: c.id, signedOn: d ? d.format('YYYY-MM-DD') : null });
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const withdraw = async (c: ContractSummary) => {
    let reason = '';
    const ok = await confirmAction({
      title: `撤回“${c.org}”的 ${year} 年度责任书？`,
      content: <Input placeholder="撤回原因（必填）" onChange={(e) => { reason = e.target.value; }} />,
      okText: '撤回', danger: true,
    });
    if (!ok) return;
    try {
      await ledger['assessment.withdrawContract']({ contractId: c.id, reason });
      showSuccess('已撤回，可在模板页重新下达');
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: ColumnsType<ContractSummary> = [
    {
      title: '党组织', dataIndex: 'org', ellipsis: true,
      render: (org: string, c) => (c.level === 'community' ? <Space size={4}><span>{org}</span><Tag color="geekblue">社区</Tag></Space> : org),
    },
    { title: '下达日期', dataIndex: 'issuedOn', width: 108 },
    {
      title: '签订日期', dataIndex: 'signedOn', width: 150,
      render: (_, c) => (
        <DatePicker
          size="small" value={c.signedOn ? dayjs(c.signedOn) : null} placeholder="未签订" onChange={(d) => sign(c, d)} aria-label={`${c.org}签订日期`}
          disabled={c.status === 'confirmed'} className="cl-date"
        />
      ),
    },
    {
      title: '分值', dataIndex: 'sum', width: 110,
      render: (_, c) => (
        <Space size={4}>
          <span className={c.sum === 100 ? '' : 'ind-bad'}>{fmt(c.sum)}</span>
          {c.adjusted && <Tooltip title="该支部的指标经过单独调整"><Tag color="purple">已调整</Tag></Tooltip>}
          {c.outOfDate && <Tooltip title="模板在下达后有修改，可在模板页“下达责任书”时选择同步"><Tag color="gold">待同步</Tag></Tooltip>}
        </Space>
      ),
    },
    { title: '考核', dataIndex: 'status', width: 84, render: (s: ContractSummary['status']) => <Tag color={STATUS_TAGS[s].color}>{STATUS_TAGS[s].label}</Tag> },
    {
      title: '', key: 'actions', width: 220, align: 'right',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} disabled={c.status === 'confirmed'} onClick={() => setAdjusting(c.id)}>调整指标</Button>
          <Button type="link" size="small" icon={<FormOutlined />} onClick={() => navigate(scoreHref(c.id))}>评分</Button>
          <Button type="link" size="small" danger icon={<RollbackOutlined />} disabled={c.status === 'confirmed'} onClick={() => withdraw(c)} aria-label={`撤回${c.org}`} />
        </Space>
      ),
    },
  ];

  if (data && data.length === 0) {
    return (
      <Card>
        <Empty description={`${year} 年度还没有下达责任书`}>
          <Button type="primary" onClick={() => goAssessment({ year, tab: 'template' })}>去模板页下达</Button>
        </Empty>
      </Card>
    );
  }
  return (
    <>
      <Table<ContractSummary> size="small" rowKey="id" columns={columns} dataSource={data ?? []} loading={loading} pagination={false} className="cl-table" />
      {adjusting !== null && <AdjustDrawer contractId={adjusting} onClose={() => setAdjusting(null)} onSaved={() => { setAdjusting(null); reload(); }} />}
    </>
  );
}

function AdjustDrawer({ contractId, onClose, onSaved }: { contractId: number; onClose: () => void; onSaved: () => void }) {
  const { data } = useLoad(() => ledger['assessment.contract']({ contractId }), [contractId]);
  return (
    <Drawer open onClose={onClose} size={1000} title={data ? `调整“${data.org}” ${data.year} 年度责任书` : '调整责任书'} destroyOnHidden>
      {data && <AdjustForm contract={data} onSaved={onSaved} />}
    </Drawer>
  );
}

function AdjustForm({ contract, onSaved }: { contract: ContractDetail; onSaved: () => void }) {
  const [rows, setRows] = useState<IndicatorDraft[]>(() => toDrafts(contract.indicators));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await ledger['assessment.adjustContract']({ contractId: contract.id, indicators: fromDrafts(rows), note: note || null });
      showSuccess('已保存该支部的调整');
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p className="adj-hint">只改变这个支部的责任书；模板和其他支部不受影响。以后同步模板时，单独调整过的指标保持不变。</p>
      <SumBar rows={rows} />
      <IndicatorTable rows={rows} onChange={setRows} />
      <div className="adj-foot">
        <Input placeholder="调整说明，例如：无共建单位，联席会分值并入志愿服务" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        <Button type="primary" loading={busy} onClick={save}>保存调整</Button>
      </div>
    </>
  );
}
