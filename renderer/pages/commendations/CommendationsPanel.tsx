// 表彰: commendations of members (党员先锋岗, 优秀共产党员 …), households (社区党员文明户, by name and
// address) and orgs (先进基层党组织), each with level, year, 文号 and the document as a file. Voided,
// never deleted. The 表彰台账 prints them (台帐打印).
import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { Commendation } from '../../../shared/api/commendations';
import { COMMENDATION_KINDS, COMMENDATION_KIND_LABELS, COMMENDATION_LEVELS, COMMENDATION_LEVEL_LABELS, COMMENDATION_TITLES, type CommendationKind, type CommendationLevel } from '../../../shared/domain/commendation';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { VoidButton } from '../../components/VoidButton';
import { Attachments, uploadAttachment } from '../activities/Attachments';
import { COMMENDATION_COLUMNS, honoured } from './CommendationTable';
import '../activities/activities.css';

const THIS_YEAR = dayjs().year();

/** 表彰 of one year in the chosen scope: a tab of 责任书与考核, whose year it follows. */
export function CommendationsPanel({ year }: { year: number }) {
  const { orgId } = useOrgs();
  const { data, loading, reload } = useLoad(() => ledger['commendations.list']({ year, orgId }), [year, orgId]);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Commendation | null>(null);
  const columns: ColumnsType<Commendation> = [
    ...COMMENDATION_COLUMNS,
    { title: '所在党组织', dataIndex: 'org', width: 180, ellipsis: true },
    { title: '附件', key: 'files', width: 70, render: (_, c) => (c.attachments.length ? `${c.attachments.length} 个` : '—') },
    { title: '', key: 'act', width: 70, render: (_, c) => <Button size="small" type="link" onClick={() => setOpen(c)} aria-label={`${honoured(c)} ${c.title} 详情`}>详情</Button> },
  ];
  return (
    <div>
      <div className="block-gap">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记表彰</Button>
      </div>
      <Card size="small">
        <Table<Commendation> size="small" rowKey="id" columns={columns} dataSource={data ?? []} loading={loading} pagination={false} />
      </Card>
      {adding && <NewCommendation year={year} onClose={() => setAdding(false)} onSaved={reload} />}
      {open && <CommendationDialog item={open} onClose={() => setOpen(null)} onChanged={(c) => { reload(); setOpen(c); }} />}
    </div>
  );
}

function CommendationDialog({ item, onClose, onChanged }: { item: Commendation; onClose: () => void; onChanged: (c: Commendation | null) => void }) {
  const refresh = () => void ledger['commendations.list']({ year: item.year, includeVoided: true }).then((l) => onChanged(l.find((c) => c.id === item.id) ?? null));
  return (
    <Modal open title={`${honoured(item)} · ${item.title}`} onCancel={onClose} footer={(
      <Space>
        <VoidButton what="这条表彰记录" onVoid={async (reason) => { await ledger['commendations.void']({ id: item.id, reason }); onChanged(null); }} />
        <Button onClick={onClose}>关闭</Button>
      </Space>
    )}>
      <p>{item.year} 年度 · {COMMENDATION_LEVEL_LABELS[item.level]}级 · {item.issuer ?? '表彰单位未填'} · {item.docNumber ?? '无文号'}{item.awardedOn ? ` · ${item.awardedOn}` : ''}</p>
      <p>所在党组织：{item.org}{item.note ? `；备注：${item.note}` : ''}</p>
      <Attachments activityId={null} owner={{ kind: 'commendation', id: item.id }} addLabel="添加表彰文件或证书" items={item.attachments} pending={[]} onPending={() => {}} onChanged={refresh} />
    </Modal>
  );
}

type Values = {
  kind: CommendationKind; memberId?: number; orgId?: number; householdName?: string; householdAddress?: string; title: string; level: CommendationLevel;
  year: number; awardedOn?: Dayjs | null; issuer?: string; docNumber?: string; note?: string;
};

function NewCommendation({ year, onClose, onSaved }: { year: number; onClose: () => void; onSaved: () => void }) {
  const { orgs, orgId } = useOrgs();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'member';
  const [files, setFiles] = useState<File[]>([]);
  const { data: members } = useLoad(() => ledger['members.list']({}), []);
  const memberOptions = useMemo(() => (members ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName ?? ''}）`, search: `${m.name}${m.initials}${m.pinyin}` })), [members]);
  const orgOptions = orgs.filter((o) => o.type !== 'group' && o.type !== 'committee').map((o) => ({ value: o.id, label: o.name }));
  const save = async () => {
    const v = await form.validateFields();
    const c = await attempt(() => ledger['commendations.create']({
      kind: v.kind, memberId: v.kind === 'member' ? v.memberId : null, orgId: v.kind === 'member' ? null : v.orgId, householdName: v.householdName, householdAddress: v.householdAddress,
      title: v.title, level: v.level, year: v.year, awardedOn: v.awardedOn ? v.awardedOn.format('YYYY-MM-DD') : null, issuer: v.issuer, docNumber: v.docNumber, note: v.note,
    }), '已登记表彰');
    if (!c) return;
    for (const f of files) await attempt(() => uploadAttachment({ kind: 'commendation', id: c.id }, f));
    onSaved();
    onClose();
  };
  return (
    <Modal open width={640} title="登记表彰" onCancel={onClose} onOk={() => void save()} okText="登记" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'member', level: 'street', year, orgId: orgOptions.some((o) => o.value === orgId) ? orgId : undefined }}>
        <Form.Item name="kind" label="表彰对象">
          <Radio.Group optionType="button" options={COMMENDATION_KINDS.map((k) => ({ value: k, label: COMMENDATION_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'member' && (
          <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择受表彰的党员' }]}>
            <Select showSearch={{ filterOption: (input, o) => (o?.search ?? '').toLowerCase().includes(input.toLowerCase()) }} options={memberOptions} placeholder="输入姓名或拼音首字母" />
          </Form.Item>
        )}
        {kind !== 'member' && (
          <Form.Item name="orgId" label={kind === 'org' ? '受表彰的党组织' : '推荐的党组织'} rules={[{ required: true, message: '请选择党组织' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={orgOptions} />
          </Form.Item>
        )}
        {kind === 'household' && (
          <Space size="middle" wrap>
            <Form.Item name="householdName" label="户主姓名" rules={[{ required: true, message: '请填写户主姓名' }]}><Input style={{ width: 160 }} aria-label="户主姓名" /></Form.Item>
            <Form.Item name="householdAddress" label="家庭住址"><Input style={{ width: 360 }} aria-label="家庭住址" /></Form.Item>
          </Space>
        )}
        <Space size="middle" wrap>
          <Form.Item name="title" label="表彰名称" rules={[{ required: true, message: '请填写表彰名称' }]}>
            <AutoComplete style={{ width: 200 }} options={COMMENDATION_TITLES[kind].map((t) => ({ value: t }))} aria-label="表彰名称" />
          </Form.Item>
          <Form.Item name="level" label="级别">
            <Select style={{ width: 100 }} options={COMMENDATION_LEVELS.map((l) => ({ value: l, label: COMMENDATION_LEVEL_LABELS[l] }))} aria-label="级别" />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={1949} max={THIS_YEAR + 1} aria-label="年度" /></Form.Item>
          <Form.Item name="awardedOn" label="表彰日期"><DatePicker aria-label="表彰日期" /></Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item name="issuer" label="表彰单位"><Input style={{ width: 200 }} placeholder="如：区委、街道党工委" aria-label="表彰单位" /></Form.Item>
          <Form.Item name="docNumber" label="文号"><Input style={{ width: 240 }} placeholder="如：区委发〔2025〕12号" aria-label="文号" /></Form.Item>
        </Space>
        <Form.Item name="note" label="备注"><Input aria-label="备注" /></Form.Item>
      </Form>
      <Attachments activityId={null} addLabel="添加表彰文件或证书" items={[]} pending={files} onPending={setFiles} onChanged={() => {}} />
    </Modal>
  );
}
