// 登记 / 修改民情卡: address by 小区/楼栋/单元/室, the head and family, categories, needs.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { HouseholdCard } from '../../../shared/api/households';
import { HOUSEHOLD_CATEGORIES, HOUSEHOLD_CATEGORY_LABELS, type HouseholdCategory } from '../../../shared/domain/household';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { toIso } from '../../format';
import { useOrgs } from '../../org-context';
import { useUnsavedChanges } from '../../unsaved';

type Values = {
  orgId: number; estate?: string; building?: string; unit?: string; room?: string; address?: string; head: string; phone?: string;
  people?: { name: string; relation?: string; phone?: string }[]; categories?: HouseholdCategory[]; needs?: string; note?: string; registeredOn: Dayjs;
};

export function HouseholdForm({ household, onClose, onSaved }: { household?: HouseholdCard; onClose: () => void; onSaved: (id: number) => void }) {
  const { orgs, orgId } = useOrgs();
  const [form] = Form.useForm<Values>();
  const dirty = Form.useWatch([], form) !== undefined && form.isFieldsTouched();
  const guard = useUnsavedChanges(dirty, '民情卡');
  const choices = useMemo(() => orgs.filter((o) => !o.dissolvedOn && o.type !== 'committee' && o.type !== 'group'), [orgs]);
  const initial: Partial<Values> = household
    ? { ...household, estate: household.estate ?? undefined, people: household.people.map((p) => ({ name: p.name, relation: p.relation ?? undefined, phone: p.phone ?? undefined })), registeredOn: dayjs(household.registeredOn) } as Partial<Values>
    : { orgId: choices.find((o) => o.id === orgId)?.id, registeredOn: dayjs(), categories: [], people: [] };
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      orgId: v.orgId, estate: v.estate, building: v.building, unit: v.unit, room: v.room, address: v.address, head: v.head, phone: v.phone,
      people: (v.people ?? []).map((p) => ({ name: p.name, relation: p.relation, phone: p.phone })), categories: v.categories ?? [], needs: v.needs, note: v.note,
    };
    const r = await attempt(
      () => (household ? ledger['households.update']({ id: household.id, household: fields }) : ledger['households.create']({ ...fields, registeredOn: toIso(v.registeredOn)! })),
      household ? '已保存民情卡' : `已登记${v.head}户民情卡`,
    );
    if (r) { guard.saved(); onSaved(r.id); }
  };
  return (
    <Modal open width={720} title={household ? `修改民情卡：${household.head}` : '登记民情卡（入册）'} okText={household ? '保存' : '入册'} onOk={save} onCancel={() => guard.close(onClose)}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="orgId" label="所属社区党组织" rules={[{ required: true, message: '请选择社区党组织' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={choices.map((o) => ({ value: o.id, label: o.name }))} aria-label="所属社区党组织" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="estate" label="小区" style={{ width: '40%' }}><Input maxLength={40} /></Form.Item>
          <Form.Item name="building" label="楼栋" style={{ width: '20%' }}><Input maxLength={20} /></Form.Item>
          <Form.Item name="unit" label="单元" style={{ width: '20%' }}><Input maxLength={20} /></Form.Item>
          <Form.Item name="room" label="室" style={{ width: '20%' }}><Input maxLength={20} /></Form.Item>
        </Space.Compact>
        <Form.Item name="address" label="其他地址（平房、村组等）"><Input maxLength={120} /></Form.Item>
        <Space.Compact block>
          <Form.Item name="head" label="户主姓名" style={{ width: '50%' }} rules={[{ required: true, whitespace: true, message: '请填写户主姓名' }]}><Input maxLength={30} /></Form.Item>
          <Form.Item name="phone" label="户主电话" style={{ width: '50%' }}><Input maxLength={40} /></Form.Item>
        </Space.Compact>
        <Form.List name="people">
          {(fields, { add, remove }) => (
            <Form.Item label="家庭成员">
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input placeholder="姓名" maxLength={30} /></Form.Item>
                  <Form.Item name={[f.name, 'relation']}><Input placeholder="与户主关系" maxLength={10} /></Form.Item>
                  <Form.Item name={[f.name, 'phone']}><Input placeholder="电话" maxLength={40} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除这名家庭成员" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>添加家庭成员</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="categories" label="类别（可多选）">
          <Select mode="multiple" options={HOUSEHOLD_CATEGORIES.map((c) => ({ value: c, label: HOUSEHOLD_CATEGORY_LABELS[c] }))} aria-label="类别" />
        </Form.Item>
        <Form.Item name="needs" label="需求与意见"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        {!household && <Form.Item name="registeredOn" label="入册日期" rules={[{ required: true, message: '请选择入册日期' }]}><DatePicker allowClear={false} /></Form.Item>}
        <Form.Item name="note" label="备注"><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
