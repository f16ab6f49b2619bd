// 双报到 (在职党员到社区报到): everyone reporting to the chosen org's communities in a year — the
// street's own members and members of outside units, who are on no roster here — with a quarter
// grid: a click (or Enter) on a quarter opens its feedback to the registrant's unit (activities
// attended, services, hours, comment); quarters ended without feedback are red. The year-end
// evaluation per registrant; the 反馈单 per unit and the half-yearly summary open on 台帐打印.
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { Registrant, ResidentBoard } from '../../../shared/api/residents';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, type AppraisalGrade } from '../../../shared/domain/member';
import { QUARTER_NAMES } from '../../../shared/rules/periods';
import { ledger } from '../../api';
import { attempt, confirmAction } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import './residents.css';

const THIS_YEAR = dayjs().year();
type Scope = { orgId: number | null; year: number };

export default function ResidentsPage() {
  const { orgId, pathName } = useOrgs();
  const [year, setYear] = useState(THIS_YEAR);
  const scope: Scope = { orgId, year };
  const [board, setBoard] = useState<ResidentBoard>();
  const { data, loading } = useLoad(() => ledger['residents.board']({ orgId, year }), [orgId, year]);
  useEffect(() => setBoard(data), [data]);
  const [cell, setCell] = useState<{ r: Registrant; quarter: number } | null>(null);
  const [evaluating, setEvaluating] = useState<Registrant | null>(null);
  const [adding, setAdding] = useState(false);
  const half = dayjs().month() < 6 ? 1 : 2;
  const print = (register: string, from: string, to: string) => navigate(`/print?register=${register}&from=${from}&to=${to}`);

  const columns: ColumnsType<Registrant> = [
    {
      title: '姓名', key: 'name', width: 120,
      render: (_, r) => <Space size={4}>{r.name}{r.memberId === null && <Tag color="blue">外单位</Tag>}{r.isCadre && <Tag>干部</Tag>}</Space>,
    },
    { title: '单位党组织', key: 'unit', ellipsis: true, render: (_, r) => r.unitOrg ?? r.employer ?? '' },
    { title: '报到社区', dataIndex: 'community', width: 150, ellipsis: true },
    { title: '报到日期', dataIndex: 'registeredOn', width: 100 },
    ...QUARTER_NAMES.map((label, i) => ({
      title: label, key: `q${i + 1}`, width: 104, align: 'center' as const,
      render: (_: unknown, r: Registrant) => {
        const q = r.quarters[i]!;
        if (!q.active) return <span className="res-cell res-open">—</span>;
        const f = q.feedback;
        const cls = f ? 'res-given' : q.owed ? 'res-owed' : 'res-open';
        const text = f ? `${f.attended} 次 · ${f.hours} 时` : q.owed ? '待反馈' : '登记';
        return (
          <span className={`res-cell ${cls}`}>
            <Button type="link" size="small" onClick={() => setCell({ r, quarter: i + 1 })} aria-label={`${r.name} ${label}反馈`}>{text}</Button>
          </span>
        );
      },
    })),
    {
      title: '年度评价', key: 'evaluation', width: 90,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEvaluating(r)} aria-label={`${r.name} 年度评价`}>
          {r.evaluation ? APPRAISAL_GRADE_LABELS[r.evaluation.grade] : '评价'}
        </Button>
      ),
    },
    {
      title: '', key: 'end', width: 76,
      render: (_, r) => (r.endedOn
        ? <Typography.Text type="secondary">{r.endedOn} 结束</Typography.Text>
        : <Button type="link" size="small" onClick={() => void endRegistration(r)} aria-label={`${r.name} 结束报到`}>结束报到</Button>),
    },
  ];

  const endRegistration = async (r: Registrant) => {
    const date = dayjs().format('YYYY-MM-DD');
    if (!(await confirmAction({ title: `结束“${r.name}”在${r.community}的报到？`, content: `结束日期 ${date}；已登记的反馈和评价保留在台帐中。`, okText: '结束报到' }))) return;
    const b = await attempt(() => ledger['residents.end']({ scope, registrationId: r.registrationId, date }), `已结束${r.name}的报到`);
    if (b) setBoard(b);
  };

  return (
    <div className="res-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>在职党员双报到</Typography.Title>
          <span className="page-subtitle">{orgId !== null ? pathName(orgId) : '全街道'}</span>
        </Space>
        <Space>
          <Select value={year} onChange={setYear} className="res-year" aria-label="年度"
            options={Array.from({ length: 5 }, (_, i) => THIS_YEAR - i).map((v) => ({ value: v, label: `${v} 年` }))} />
          <Button icon={<PrinterOutlined />} onClick={() => print('resident-feedback', `${year}-01-01`, `${year}-12-31`)}>打印反馈单</Button>
          <Button icon={<PrinterOutlined />} onClick={() => print('resident-summary', half === 1 ? `${year}-01-01` : `${year}-07-01`, half === 1 ? `${year}-06-30` : `${year}-12-31`)}>半年汇总</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记外单位党员报到</Button>
        </Space>
      </div>
      {board && (
        <div className="res-counts" data-testid="res-counts">
          <span>报到 <b>{board.registrants.length}</b> 人（外单位 {board.registrants.filter((r) => r.memberId === null).length} 人）</span>
          <span>季度反馈 已反馈 <b>{board.given}</b> / 应反馈 <b>{board.owed}</b></span>
          <Typography.Text type="secondary">本街道党员的报到在“党员”页面各人的“流动与报到”中登记</Typography.Text>
        </div>
      )}
      <Card size="small">
        <Table<Registrant> size="small" rowKey="registrationId" columns={columns} dataSource={board?.registrants ?? []} loading={loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }} />
      </Card>
      {cell && <FeedbackDialog {...cell} scope={scope} onClose={() => setCell(null)} onChange={setBoard} />}
      {evaluating && <EvaluationDialog r={evaluating} scope={scope} onClose={() => setEvaluating(null)} onChange={setBoard} />}
      {adding && <OutsiderDialog scope={scope} onClose={() => setAdding(false)} onChange={setBoard} />}
    </div>
  );
}

type DialogProps = { scope: Scope; onClose: () => void; onChange: (b: ResidentBoard) => void };

type FeedbackValues = { attended: number; hours: number; services?: string; comment?: string; sentOn?: Dayjs | null };

function FeedbackDialog({ r, quarter, scope, onClose, onChange }: DialogProps & { r: Registrant; quarter: number }) {
  const f = r.quarters[quarter - 1]!.feedback;
  const [form] = Form.useForm<FeedbackValues>();
  const save = async () => {
    const v = await form.validateFields();
    const b = await attempt(() => ledger['residents.feedback']({
      scope, registrationId: r.registrationId, year: scope.year, quarter, attended: v.attended, hours: v.hours,
      services: v.services, comment: v.comment, sentOn: v.sentOn ? v.sentOn.format('YYYY-MM-DD') : null,
    }), `已登记${r.name} ${scope.year} 年${QUARTER_NAMES[quarter - 1]}反馈`);
    if (b) { onChange(b); onClose(); }
  };
  return (
    <Modal open title={`${r.name}：${scope.year} 年${QUARTER_NAMES[quarter - 1]}反馈`} onCancel={onClose} onOk={save} okText="保存" destroyOnHidden>
      <Typography.Paragraph type="secondary">反馈给：{r.unitOrg ?? r.employer ?? '（未填写单位党组织）'}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save}
        initialValues={{ attended: f?.attended ?? 1, hours: f?.hours ?? 0, services: f?.services ?? '', comment: f?.comment ?? '', sentOn: f?.sentOn ? dayjs(f.sentOn) : null }}>
        <Space size={16}>
          <Form.Item name="attended" label="参加社区活动（次）" rules={[{ required: true, message: '请填写参加活动次数' }]}>
            <InputNumber min={0} max={200} precision={0} autoFocus aria-label="参加活动次数" />
          </Form.Item>
          <Form.Item name="hours" label="服务时长（小时）" rules={[{ required: true, message: '请填写服务时长' }]}>
            <InputNumber min={0} max={1000} step={0.5} precision={1} aria-label="服务时长" />
          </Form.Item>
          <Form.Item name="sentOn" label="反馈日期"><DatePicker aria-label="反馈日期" /></Form.Item>
        </Space>
        <Form.Item name="services" label="服务内容"><Input maxLength={200} aria-label="服务内容" onPressEnter={() => form.submit()} /></Form.Item>
        <Form.Item name="comment" label="社区意见"><Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} aria-label="社区意见" /></Form.Item>
      </Form>
    </Modal>
  );
}

function EvaluationDialog({ r, scope, onClose, onChange }: DialogProps & { r: Registrant }) {
  const [grade, setGrade] = useState<AppraisalGrade>(r.evaluation?.grade ?? 'qualified');
  const [note, setNote] = useState(r.evaluation?.note ?? '');
  const save = async () => {
    const b = await attempt(() => ledger['residents.evaluate']({ scope, registrationId: r.registrationId, year: scope.year, grade, note }), `已登记${r.name} ${scope.year} 年度评价`);
    if (b) { onChange(b); onClose(); }
  };
  return (
    <Modal open title={`${r.name}：${scope.year} 年度报到表现评价`} onCancel={onClose} onOk={save} okText="保存">
      <Form layout="vertical">
        <Form.Item label="评价等次">
          <Select value={grade} onChange={setGrade} aria-label="评价等次" options={APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))} />
        </Form.Item>
        <Form.Item label="评语"><Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} aria-label="评语" /></Form.Item>
      </Form>
    </Modal>
  );
}

type OutsiderValues = { name: string; employer: string; unitOrg: string; phone?: string; communityOrgId: number; registeredOn: Dayjs; isCadre: boolean; serviceIntent?: string };

function OutsiderDialog({ scope, onClose, onChange }: DialogProps) {
  const { orgs, orgId } = useOrgs();
  const communities = useMemo(() => orgs.filter((o) => o.category === 'community' && o.type !== 'group'), [orgs]);
  const [form] = Form.useForm<OutsiderValues>();
  const save = async () => {
    const v = await form.validateFields();
    const b = await attempt(() => ledger['residents.registerOutside']({ scope, ...v, registeredOn: v.registeredOn.format('YYYY-MM-DD') }), `已登记${v.name}报到`);
    if (b) { onChange(b); onClose(); }
  };
  return (
    <Modal open title="登记外单位党员到社区报到" onCancel={onClose} onOk={save} okText="登记">
      <Typography.Paragraph type="secondary">外单位党员只记入报到台帐，不进入本街道的党员名册和统计。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ communityOrgId: communities.find((c) => c.id === orgId)?.id, registeredOn: dayjs(), isCadre: false }}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="employer" label="工作单位及职务" rules={[{ required: true, message: '请填写工作单位' }]}><Input maxLength={80} /></Form.Item>
        <Form.Item name="unitOrg" label="单位党组织（反馈单寄往）" rules={[{ required: true, message: '请填写单位党组织' }]}><Input maxLength={80} /></Form.Item>
        <Form.Item name="phone" label="联系电话"><Input maxLength={40} /></Form.Item>
        <Form.Item name="communityOrgId" label="报到社区" rules={[{ required: true, message: '请选择报到社区' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={communities.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="registeredOn" label="报到日期"><DatePicker allowClear={false} /></Form.Item>
          <Form.Item name="isCadre" label="副科级以上党员干部" valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Form.Item name="serviceIntent" label="服务意向"><Input maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}
