// One household's 民情卡: address, family, categories and needs, the members in contact, and every
// visit with its 民情 and follow-up. 记录走访 enters a visit once: it is the branch's 走访 activity,
// counts for 走千家 and prints in the 民情台账.
import { Alert, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { HouseholdCard, VisitRow } from '../../../shared/api/households';
import { CONCERN_CATEGORIES, CONCERN_CATEGORY_LABELS, HOUSEHOLD_CATEGORY_LABELS, type ConcernCategory } from '../../../shared/domain/household';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { toIso } from '../../format';
import { useLoad } from '../../hooks';
import { useUnsavedChanges } from '../../unsaved';
import { HouseholdForm } from './HouseholdForm';

export function HouseholdDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { data: h, loading, reload } = useLoad(() => ledger['households.get']({ id }), [id]);
  const [dialog, setDialog] = useState<'visit' | 'edit' | 'close' | null>(null);
  const [resolving, setResolving] = useState<VisitRow | null>(null);
  const changed = () => { setDialog(null); setResolving(null); reload(); onChanged(); };
  const active = h && !h.closedOn;
  return (
    <Drawer open width={760} onClose={onClose} title={h ? `民情卡：${h.head}` : '民情卡'}
      extra={active && (
        <Space>
          <Button onClick={() => setDialog('edit')}>修改</Button>
          <Button onClick={() => setDialog('close')}>注销</Button>
          <Button type="primary" onClick={() => setDialog('visit')}>记录走访</Button>
        </Space>
      )}>
      <Spin spinning={loading}>
        {h && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {h.closedOn && <Alert type="info" showIcon title={`已于 ${h.closedOn} 注销：${h.closeReason ?? ''}`} />}
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label="住址" span={2}>{h.addressLine || '—'}</Descriptions.Item>
              <Descriptions.Item label="党组织">{h.orgName}</Descriptions.Item>
              <Descriptions.Item label="户主电话">{h.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="家庭成员" span={2}>{h.people.map((p) => `${p.name}${p.relation ? `（${p.relation}）` : ''}${p.phone ? ` ${p.phone}` : ''}`).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="类别" span={2}>{h.categories.length ? h.categories.map((c) => <Tag key={c}>{HOUSEHOLD_CATEGORY_LABELS[c]}</Tag>) : '—'}</Descriptions.Item>
              <Descriptions.Item label="需求与意见" span={2}>{h.needs ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="入册日期">{h.registeredOn}</Descriptions.Item>
              <Descriptions.Item label="备注">{h.note ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>联系党员</Typography.Title>
            <Table size="small" rowKey="id" pagination={false} dataSource={h.contactLinks}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有党员联系这一户：在党员页面“办理业务”中添加党员联系户。" /> }}
              columns={[
                { title: '党员', dataIndex: 'memberName' },
                { title: '开始联系', dataIndex: 'fromDate', width: 120 },
                { title: '结束', dataIndex: 'toDate', width: 120, render: (v: string | null) => v ?? '联系中' },
              ]} />
            <Typography.Title level={5}>走访记录（{h.visits.length}）</Typography.Title>
            {h.visits.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有走访记录" /> : (
              <Timeline items={h.visits.map((v) => ({
                key: v.id,
                color: v.referredTo && !v.resolvedOn ? 'red' : 'blue',
                content: (
                  <div data-testid="visit-entry">
                    <b>{v.date}</b>　{v.visitors.join('、')}　<Tag>{CONCERN_CATEGORY_LABELS[v.concernCategory]}</Tag>
                    {v.concern && <div>{v.concern}</div>}
                    {v.referredTo && (
                      <div>
                        转办：{v.referredTo}　{v.resolvedOn ? `${v.resolvedOn} 办结${v.resolution ? `：${v.resolution}` : ''}` : <Typography.Text type="danger">未办结</Typography.Text>}
                        {!v.resolvedOn && <Button size="small" type="link" onClick={() => setResolving(v)}>登记办结</Button>}
                      </div>
                    )}
                  </div>
                ),
              }))} />
            )}
          </Space>
        )}
      </Spin>
      {h && dialog === 'visit' && <VisitDialog household={h} onClose={() => setDialog(null)} onSaved={changed} />}
      {h && dialog === 'edit' && <HouseholdForm household={h} onClose={() => setDialog(null)} onSaved={changed} />}
      {h && dialog === 'close' && <CloseDialog household={h} onClose={() => setDialog(null)} onSaved={changed} />}
      {resolving && <ResolveDialog visit={resolving} onClose={() => setResolving(null)} onSaved={changed} />}
    </Drawer>
  );
}

type VisitValues = { date: Dayjs; memberIds: number[]; others?: string[]; concernCategory: ConcernCategory; concern?: string; referredTo?: string };

function VisitDialog({ household, onClose, onSaved }: { household: HouseholdCard; onClose: () => void; onSaved: () => void }) {
  const { data: members } = useLoad(() => ledger['members.list']({}), []);
  const [form] = Form.useForm<VisitValues>();
  const dirty = Form.useWatch([], form) !== undefined && form.isFieldsTouched();
  const guard = useUnsavedChanges(dirty, '走访记录');
  const contacts = household.contactLinks.filter((c) => !c.toDate).map((c) => c.memberId);
  const save = async () => {
    const v = await form.validateFields();
    const r = await attempt(() => ledger['visits.record']({
      householdId: household.id, date: toIso(v.date)!, memberIds: v.memberIds ?? [], others: v.others ?? [], concernCategory: v.concernCategory,
      concern: v.concern, referredTo: v.referredTo,
    }), `已记录走访${household.head}户`);
    if (r) { guard.saved(); onSaved(); }
  };
  return (
    <Modal open title={`记录走访：${household.head}户`} okText="保存走访" onOk={save} onCancel={() => guard.close(onClose)}>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), memberIds: contacts, concernCategory: 'none' }}>
        <Form.Item name="date" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} aria-label="走访日期" />
        </Form.Item>
        <Form.Item name="memberIds" label="走访党员">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} aria-label="走访党员" loading={!members}
            options={(members ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName ?? ''}）` }))} />
        </Form.Item>
        <Form.Item name="others" label="其他走访人（社区干部、网格员等，输入后回车）">
          <Select mode="tags" open={false} aria-label="其他走访人" />
        </Form.Item>
        <Form.Item name="concernCategory" label="民情类别" rules={[{ required: true, message: '请选择民情类别' }]}>
          <Select aria-label="民情类别" options={CONCERN_CATEGORIES.map((c) => ({ value: c, label: CONCERN_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="concern" label="民情内容"><Input.TextArea rows={3} maxLength={2000} aria-label="民情内容" /></Form.Item>
        <Form.Item name="referredTo" label="转办给（需要时填写）"><Input maxLength={60} aria-label="转办给" /></Form.Item>
      </Form>
    </Modal>
  );
}

function CloseDialog({ household, onClose, onSaved }: { household: HouseholdCard; onClose: () => void; onSaved: () => void }) {
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [reason, setReason] = useState('');
  const save = async () => {
    const r = await attempt(() => ledger['households.close']({ id: household.id, date: toIso(date)!, reason }), `已注销${household.head}户民情卡`);
    if (r) onSaved();
  };
  return (
    <Modal open title={`核实注销：${household.head}户`} okText="注销" okButtonProps={{ danger: true }} onOk={save} onCancel={onClose}>
      <Alert type="info" showIcon title="注销后民情卡仍保留在台帐中，联系党员的联系关系同日结束。" style={{ marginBottom: 12 }} />
      <Form layout="vertical">
        <Form.Item label="注销日期"><DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} /></Form.Item>
        <Form.Item label="注销原因"><Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={100} placeholder="如：家庭收入提高，核实脱困" /></Form.Item>
      </Form>
    </Modal>
  );
}

function ResolveDialog({ visit, onClose, onSaved }: { visit: VisitRow; onClose: () => void; onSaved: () => void }) {
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [resolution, setResolution] = useState('');
  const save = async () => {
    const r = await attempt(() => ledger['visits.resolve']({ id: visit.id, resolvedOn: toIso(date)!, resolution }), '已登记办结');
    if (r) onSaved();
  };
  return (
    <Modal open title={`登记办结：${visit.referredTo ?? ''}`} okText="登记" onOk={save} onCancel={onClose}>
      <Form layout="vertical">
        <Form.Item label="办结日期"><DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} /></Form.Item>
        <Form.Item label="办理结果"><Input value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
