// 流动党员联系 (定人定期联系): each mobile member of the chosen org with their contact person, the
// last contact and whether none has been logged this quarter; log a contact or change the person.
import { DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, Button, Empty } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MobileContactRow } from '../../../shared/api/help';
import { CONTACT_WAYS, CONTACT_WAY_LABELS, type ContactWay } from '../../../shared/domain/aid';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { voidWithReason } from './void';

export default function MobileContacts() {
  const { orgId } = useOrgs();
  const { data, loading, reload } = useLoad(() => ledger['mobileContacts.list']({ orgId }), [orgId]);
  const [logFor, setLogFor] = useState<MobileContactRow | null>(null);
  const [personFor, setPersonFor] = useState<MobileContactRow | null>(null);
  const overdue = data?.members.filter((m) => m.overdue).length ?? 0;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {data ? `${data.quarter.label}（${data.quarter.start} 至 ${data.quarter.end}）：流动党员 ${data.members.length} 人，本季度尚未联系 ` : ''}
        {data ? <b className={overdue ? 'help-overdue' : undefined} data-testid="mobile-overdue">{overdue} 人</b> : null}
        。每名流动党员确定一名联系人，每季度至少联系一次。
      </Typography.Paragraph>
      <Table<MobileContactRow>
        size="small" rowKey="memberId" loading={loading} dataSource={data?.members ?? []} pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="所选组织没有流动党员" /> }}
        expandable={{
          rowExpandable: (m) => m.contacts.length > 0,
          expandedRowRender: (m) => (
            <Table size="small" rowKey="id" pagination={false} dataSource={m.contacts}
              columns={[
                { title: '日期', dataIndex: 'date', width: 100 },
                { title: '方式', dataIndex: 'way', width: 60, render: (w: ContactWay) => CONTACT_WAY_LABELS[w] },
                { title: '联系人', dataIndex: 'contactBy', width: 90 },
                { title: '联系内容', dataIndex: 'content' },
                { title: '', key: 'void', width: 60, render: (_, c) => <Button size="small" type="link" danger onClick={async () => { if (await voidWithReason(`作废 ${c.date} 的联系记录`, (reason) => ledger['mobileContacts.void']({ id: c.id, reason }))) reload(); }}>作废</Button> },
              ]} />
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '所在党组织', dataIndex: 'org', width: 180 },
          { title: '流向', key: 'dir', width: 220, render: (_, m) => <span><Tag>{m.direction === 'out' ? '流出' : '流入'}</Tag>{m.place}</span> },
          { title: '联系人', key: 'person', width: 190, render: (_, m) => (m.contactPerson ? `${m.contactPerson.name}${m.contactPerson.phone ? ` ${m.contactPerson.phone}` : ''}` : <Typography.Text type="danger">未确定</Typography.Text>) },
          { title: '最近联系', dataIndex: 'lastContact', width: 110, render: (d: string | null) => d ?? '—' },
          { title: '本季度', key: 'state', width: 100, render: (_, m) => (m.overdue ? <Tag color="red">未联系</Tag> : <Tag color="green">已联系</Tag>) },
          {
            title: '操作', key: 'act', width: 170,
            render: (_, m) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setLogFor(m)} aria-label={`${m.name} 登记联系`}>登记联系</Button>
                <Button size="small" type="link" onClick={() => setPersonFor(m)}>联系人</Button>
              </Space>
            ),
          },
        ]}
      />
      {logFor && <LogDialog member={logFor} onClose={() => setLogFor(null)} onSaved={reload} />}
      {personFor && <PersonDialog member={personFor} onClose={() => setPersonFor(null)} onSaved={reload} />}
    </>
  );
}

function LogDialog({ member, onClose, onSaved }: { member: MobileContactRow; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs; way: ContactWay; contactBy: string; content: string }>();
  const save = async () => {
    const v = await form.validateFields();
    if (await attempt(() => ledger['mobileContacts.log']({ memberId: member.memberId, date: v.date.format('YYYY-MM-DD'), way: v.way, contactBy: v.contactBy, content: v.content }), `已登记与${member.name}的联系`)) {
      onSaved();
      onClose();
    }
  };
  return (
    <Modal open title={`登记联系：${member.name}（${member.place}）`} onCancel={onClose} onOk={save} okText="登记">
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), way: 'phone', contactBy: member.contactPerson?.name }}>
        <Form.Item name="date" label="联系日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
        <Form.Item name="way" label="方式"><Select aria-label="联系方式" options={CONTACT_WAYS.map((w) => ({ value: w, label: CONTACT_WAY_LABELS[w] }))} /></Form.Item>
        <Form.Item name="contactBy" label="联系人" rules={[{ required: true, message: '请填写联系人' }]}><Input aria-label="联系人" /></Form.Item>
        <Form.Item name="content" label="联系内容" rules={[{ required: true, message: '请填写联系内容' }]}><Input.TextArea rows={3} aria-label="联系内容" /></Form.Item>
      </Form>
    </Modal>
  );
}

function PersonDialog({ member, onClose, onSaved }: { member: MobileContactRow; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ contactName: string; contactPhone?: string; fromDate: Dayjs }>();
  const save = async () => {
    const v = await form.validateFields();
    if (await attempt(() => ledger['mobileContacts.setPerson']({ memberId: member.memberId, contactName: v.contactName, contactPhone: v.contactPhone, fromDate: v.fromDate.format('YYYY-MM-DD') }), '已确定联系人')) {
      onSaved();
      onClose();
    }
  };
  return (
    <Modal open title={`${member.name} 的联系人`} onCancel={onClose} onOk={save} okText="保存">
      <Form form={form} layout="vertical" initialValues={{ contactName: member.contactPerson?.name, contactPhone: member.contactPerson?.phone ?? undefined, fromDate: dayjs() }}>
        <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }]}><Input /></Form.Item>
        <Form.Item name="contactPhone" label="联系电话"><Input /></Form.Item>
        <Form.Item name="fromDate" label="起始日期"><DatePicker allowClear={false} /></Form.Item>
      </Form>
    </Modal>
  );
}
