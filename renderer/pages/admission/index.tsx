// 发展党员: everyone on the way to membership in the chosen org, with the stage, the steps done, the
// next step and its deadline, and the warnings of the rules; a step is recorded from the row.
// Admitting a 发展对象 at the branch meeting creates the member (预备 from that day).
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AdmissionList, AdmissionPerson } from '../../../shared/api/admission';
import { ADMISSION_STAGE_LABELS, ADMISSION_STEP_LABELS, ADMISSION_STEPS, type AdmissionStep } from '../../../shared/domain/admission';
import { isBranchType } from '../../../shared/domain/org';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import './admission.css';

const STAGE_COLORS: Record<string, string> = { applicant: 'default', activist: 'blue', candidate: 'purple', probationary: 'gold', dropped: 'default' };

/** 'review' and 'candidate' dates are the earliest/next; others are deadlines. */
function nextText(p: AdmissionPerson, today: string): { text: string; late: boolean } {
  if (!p.next) return { text: '已完成', late: false };
  const label = ADMISSION_STEP_LABELS[p.next.step];
  if (!p.next.due) return { text: label, late: false };
  if (p.next.step === 'candidate') return { text: `${label}（${p.next.due} 起可确定）`, late: false };
  return { text: `${label}（${p.next.due} 前）`, late: p.next.due < today };
}

export default function AdmissionPage() {
  const { orgId, pathName } = useOrgs();
  const [list, setList] = useState<AdmissionList>();
  const [includeDone, setIncludeDone] = useState(false);
  const scope = { orgId, includeDone };
  const { data, loading } = useLoad(() => ledger['admission.list'](scope), [orgId, includeDone]);
  useEffect(() => setList(data), [data]);
  const [stepFor, setStepFor] = useState<AdmissionPerson | null>(null);
  const [adding, setAdding] = useState(false);
  const today = list?.today ?? dayjs().format('YYYY-MM-DD');
  const warned = (list?.people ?? []).filter((p) => p.warnings.length > 0).length;

  const columns: ColumnsType<AdmissionPerson> = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '党组织', dataIndex: 'org', width: 200, ellipsis: true },
    { title: '阶段', dataIndex: 'stage', width: 110, render: (s: AdmissionPerson['stage']) => <Tag color={STAGE_COLORS[s]}>{ADMISSION_STAGE_LABELS[s]}</Tag> },
    {
      title: '已完成步骤', key: 'steps',
      render: (_, p) => <span className="adm-steps">{p.steps.map((s) => `${ADMISSION_STEP_LABELS[s.step].replace('（每半年一次）', '')} ${s.date}`).join(' · ')}</span>,
    },
    {
      title: '下一步及期限', key: 'next', width: 250,
      render: (_, p) => { const n = nextText(p, today); return <span className={n.late ? 'adm-late' : ''}>{n.text}</span>; },
    },
    {
      title: '提醒', key: 'warnings', width: 260,
      render: (_, p) => (p.warnings.length ? <ul className="adm-warnings" aria-label={`${p.name} 提醒`}>{p.warnings.map((w) => <li key={w}><WarningOutlined /> {w}</li>)}</ul> : null),
    },
    { title: '', key: 'act', width: 90, render: (_, p) => (p.stage === 'dropped' || !p.next ? null : <Button size="small" type="link" onClick={() => setStepFor(p)} aria-label={`${p.name} 登记步骤`}>登记步骤</Button>) },
  ];

  return (
    <div className="adm-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>发展党员</Typography.Title>
          <span className="page-subtitle">{orgId !== null ? pathName(orgId) : '全街道'}</span>
        </Space>
        <Space>
          <Select value={includeDone} onChange={setIncludeDone} className="adm-filter" aria-label="范围"
            options={[{ value: false, label: '正在发展' }, { value: true, label: '含已审批、已终止' }]} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记入党申请人</Button>
        </Space>
      </div>
      {list && (
        <div className="adm-counts">
          {(['applicant', 'activist', 'candidate', 'probationary'] as const).map((s) => <span key={s}>{ADMISSION_STAGE_LABELS[s]} <b>{list.counts[s]}</b></span>)}
          {warned ? <Typography.Text type="danger" data-testid="adm-warned">{warned} 人有提醒</Typography.Text> : <Typography.Text type="secondary" data-testid="adm-warned">没有提醒</Typography.Text>}
        </div>
      )}
      <Card size="small">
        <Table<AdmissionPerson> size="small" rowKey="id" columns={columns} dataSource={list?.people ?? []} loading={loading} pagination={false} />
      </Card>
      {stepFor && <StepDialog person={stepFor} scope={scope} onClose={() => setStepFor(null)} onChange={setList} />}
      {adding && <NewApplicant scope={scope} onClose={() => setAdding(false)} onChange={setList} />}
    </div>
  );
}

type Scope = { orgId: number | null; includeDone: boolean };

function StepDialog({ person, scope, onClose, onChange }: { person: AdmissionPerson; scope: Scope; onClose: () => void; onChange: (l: AdmissionList) => void }) {
  const [step, setStep] = useState<AdmissionStep>(person.next?.step ?? 'talked');
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [until, setUntil] = useState<Dayjs>(dayjs().add(6, 'day'));
  const [people, setPeople] = useState('');
  const [days, setDays] = useState<number | null>(null);
  const [hours, setHours] = useState<number | null>(null);
  const save = async () => {
    const r = await attempt(() => ledger['admission.step']({
      scope, applicantId: person.id, step, date: date.format('YYYY-MM-DD'), people: people.split(/[、,，\s]+/).filter(Boolean),
      trainingDays: days, trainingHours: hours, until: step === 'publicity' ? until.format('YYYY-MM-DD') : null,
    }), step === 'admitted' ? `已接收${person.name}为预备党员，已加入党员名册` : `已登记${person.name}：${ADMISSION_STEP_LABELS[step]}`);
    if (r) { onChange(r); onClose(); }
  };
  return (
    <Modal open title={`登记步骤：${person.name}`} onCancel={onClose} onOk={save} okText="登记">
      <Form layout="vertical">
        <Form.Item label="步骤">
          <Select value={step} onChange={setStep} aria-label="步骤" options={ADMISSION_STEPS.filter((s) => s !== 'applied').map((s) => ({ value: s, label: ADMISSION_STEP_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label={step === 'publicity' ? '公示开始日期' : step === 'admitted' ? '支部大会日期' : '日期'}>
          <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} aria-label="步骤日期" />
        </Form.Item>
        {step === 'publicity' && <Form.Item label="公示结束日期（不少于 5 个工作日）"><DatePicker value={until} onChange={(d) => d && setUntil(d)} allowClear={false} /></Form.Item>}
        {(step === 'activist' || step === 'introducers') && (
          <Form.Item label={step === 'activist' ? '培养联系人（1–2 人，用顿号分隔）' : '入党介绍人（2 人，用顿号分隔）'}>
            <Input value={people} onChange={(e) => setPeople(e.target.value)} aria-label="人员" />
          </Form.Item>
        )}
        {step === 'training' && (
          <Space>
            <Form.Item label="培训天数"><InputNumber value={days} onChange={setDays} min={0} /></Form.Item>
            <Form.Item label="或学时"><InputNumber value={hours} onChange={setHours} min={0} /></Form.Item>
          </Space>
        )}
        {step === 'admitted' && <Alert type="info" showIcon title="登记后将以支部大会日期为入党日期，自动建立预备党员档案（预备期一年，期满办理转正）。" />}
      </Form>
    </Modal>
  );
}

function NewApplicant({ scope, onClose, onChange }: { scope: Scope; onClose: () => void; onChange: (l: AdmissionList) => void }) {
  const { orgs, orgId } = useOrgs();
  const branches = useMemo(() => orgs.filter((o) => isBranchType(o.type)), [orgs]);
  const [form] = Form.useForm<{ orgId: number; name: string; idNumber?: string; phone?: string; appliedOn: Dayjs }>();
  const save = async () => {
    const v = await form.validateFields();
    const r = await attempt(() => ledger['admission.create']({ scope, orgId: v.orgId, name: v.name, idNumber: v.idNumber, phone: v.phone, appliedOn: v.appliedOn.format('YYYY-MM-DD') }), `已登记入党申请人${v.name}`);
    if (r) { onChange(r); onClose(); }
  };
  return (
    <Modal open title="登记入党申请人" onCancel={onClose} onOk={save} okText="登记">
      <Form form={form} layout="vertical" initialValues={{ orgId: branches.find((b) => b.id === orgId)?.id, appliedOn: dayjs() }}>
        <Form.Item name="orgId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={branches.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input /></Form.Item>
        <Form.Item name="idNumber" label="公民身份号码"><Input /></Form.Item>
        <Form.Item name="phone" label="联系电话"><Input /></Form.Item>
        <Form.Item name="appliedOn" label="递交申请书日期"><DatePicker allowClear={false} /></Form.Item>
      </Form>
    </Modal>
  );
}
