// The 帮扶 page's forms: a help record (household from the 民情卡 or a person by name), a new
// donation station, and money or goods in or out of a station.
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { StationView } from '../../../shared/api/help';
import { AID_CATEGORIES, AID_CATEGORY_LABELS, AID_HELPER_KINDS, AID_HELPER_KIND_LABELS, DONATION_KIND_LABELS, DONATION_KINDS, type AidCategory, type AidHelperKind, type DonationKind } from '../../../shared/domain/aid';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';

/** Orgs a record can belong to: the chosen org and those under it (党小组 aside). */
function useOrgOptions() {
  const { orgs, orgId, subtree } = useOrgs();
  return useMemo(() => {
    const scope = orgId ? subtree(orgId) : null;
    return orgs.filter((o) => o.type !== 'group' && !o.dissolvedOn && (!scope || scope.has(o.id))).map((o) => ({ value: o.id, label: o.name }));
  }, [orgs, orgId, subtree]);
}

type AidForm = {
  orgId: number; householdId?: number; recipient?: string; address?: string; category: AidCategory; helperKind: AidHelperKind;
  helperMemberId?: number; helperName?: string; content: string; value?: number; date: Dayjs; notable?: boolean;
};

export function AidDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const orgOptions = useOrgOptions();
  const [form] = Form.useForm<AidForm>();
  const helperKind = Form.useWatch('helperKind', form);
  const householdId = Form.useWatch('householdId', form);
  const { data: households } = useLoad(() => ledger['households.list']({ orgId: null }), []);
  const { data: members } = useLoad(() => ledger['members.list']({}), []);
  const save = async () => {
    const v = await form.validateFields();
    const r = await attempt(() => ledger['help.record']({
      orgId: v.orgId, householdId: v.householdId ?? null, recipient: v.recipient, address: v.address, category: v.category, helperKind: v.helperKind,
      helperMemberId: v.helperMemberId ?? null, helperOrgId: v.helperKind === 'org' ? v.orgId : null, helperName: v.helperName,
      content: v.content, value: v.value ?? 0, date: v.date.format('YYYY-MM-DD'), notable: Boolean(v.notable),
    }), '已登记帮扶');
    if (r) { onSaved(); onClose(); }
  };
  return (
    <Modal open title="登记帮扶（五助二扶一带）" onCancel={onClose} onOk={save} okText="登记" width={620}>
      <Form form={form} layout="vertical" initialValues={{ orgId: orgOptions[0]?.value, helperKind: 'member', date: dayjs(), category: 'poverty' }}>
        <Form.Item name="orgId" label="所属党组织" rules={[{ required: true, message: '请选择党组织' }]}>
          <Select options={orgOptions} showSearch={{ optionFilterProp: 'label' }} aria-label="所属党组织" />
        </Form.Item>
        <Form.Item name="householdId" label="帮扶对象（民情卡住户）">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择住户；不在民情卡上的，在下面填写姓名" aria-label="民情卡住户"
            options={(households ?? []).map((h) => ({ value: h.id, label: `${h.head}　${h.addressLine}` }))} />
        </Form.Item>
        {householdId ? null : (
          <>
            <Form.Item name="recipient" label="帮扶对象姓名" rules={[{ required: true, message: '请选择民情卡住户，或填写帮扶对象姓名' }]}><Input aria-label="帮扶对象姓名" /></Form.Item>
            <Form.Item name="address" label="住址"><Input aria-label="住址" /></Form.Item>
          </>
        )}
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select aria-label="帮扶类别" options={AID_CATEGORIES.map((c) => ({ value: c, label: AID_CATEGORY_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="helperKind" label="帮扶人">
          <Radio.Group options={AID_HELPER_KINDS.map((k) => ({ value: k, label: AID_HELPER_KIND_LABELS[k] }))} />
        </Form.Item>
        {helperKind === 'member' && (
          <Form.Item name="helperMemberId" label="党员" rules={[{ required: true, message: '请选择帮扶的党员' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} aria-label="帮扶党员"
              options={(members ?? []).map((m) => ({ value: m.id, label: `${m.name}　${m.orgName ?? ''}` }))} />
          </Form.Item>
        )}
        {helperKind === 'partner' && (
          <Form.Item name="helperName" label="共建单位" rules={[{ required: true, message: '请填写共建单位名称' }]}><Input aria-label="共建单位" /></Form.Item>
        )}
        <Form.Item name="content" label="帮扶内容" rules={[{ required: true, message: '请填写帮扶内容' }]}><Input.TextArea rows={2} aria-label="帮扶内容" /></Form.Item>
        <Form.Item name="value" label="折合金额（元）"><InputNumber min={0} precision={2} className="help-num" aria-label="折合金额" /></Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker allowClear={false} /></Form.Item>
        <Form.Item name="notable" valuePropName="checked"><Checkbox>作为典型事例写入季度简报</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

export function StationDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const orgOptions = useOrgOptions();
  const [form] = Form.useForm<{ orgId: number; name: string; address?: string; keeper?: string }>();
  const save = async () => {
    const v = await form.validateFields();
    if (await attempt(() => ledger['help.createStation'](v), `已设立捐助站“${v.name}”`)) { onSaved(); onClose(); }
  };
  return (
    <Modal open title="设立捐助站" onCancel={onClose} onOk={save} okText="设立">
      <Form form={form} layout="vertical" initialValues={{ orgId: orgOptions[0]?.value }}>
        <Form.Item name="orgId" label="所属党组织" rules={[{ required: true, message: '请选择党组织' }]}><Select options={orgOptions} showSearch={{ optionFilterProp: 'label' }} /></Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写捐助站名称' }]}><Input placeholder="如 望江社区爱心捐助站" aria-label="捐助站名称" /></Form.Item>
        <Form.Item name="address" label="地址"><Input /></Form.Item>
        <Form.Item name="keeper" label="管理人"><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

type DonationForm = { date: Dayjs; party?: string; householdId?: number; kind: DonationKind; description: string; value: number; handledBy?: string };

export function DonationDialog({ station, direction, onClose, onSaved }: { station: StationView; direction: 'in' | 'out'; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<DonationForm>();
  const { data: households } = useLoad(() => (direction === 'out' ? ledger['households.list']({ orgId: null }) : Promise.resolve([])), [direction]);
  const save = async () => {
    const v = await form.validateFields();
    const party = v.party || households?.find((h) => h.id === v.householdId)?.head || '';
    const r = await attempt(() => ledger['help.donation']({
      stationId: station.id, direction, date: v.date.format('YYYY-MM-DD'), party, householdId: v.householdId ?? null, kind: v.kind,
      description: v.description, value: v.value, handledBy: v.handledBy,
    }), direction === 'in' ? '已登记收入' : '已登记发放');
    if (r) { onSaved(); onClose(); }
  };
  const title = `${station.name}：${direction === 'in' ? '登记收到的捐助' : '登记发放'}`;
  return (
    <Modal open title={title} onCancel={onClose} onOk={save} okText="登记">
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), kind: 'money', handledBy: station.keeper ?? undefined }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker allowClear={false} /></Form.Item>
        {direction === 'out' && (
          <Form.Item name="householdId" label="领取住户（民情卡）">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="可不选" aria-label="领取住户"
              options={(households ?? []).map((h) => ({ value: h.id, label: `${h.head}　${h.addressLine}` }))} />
          </Form.Item>
        )}
        <Form.Item name="party" label={direction === 'in' ? '捐助人（单位）' : '领取人'}
          rules={direction === 'in' ? [{ required: true, message: '请填写捐助人' }] : [({ getFieldValue }) => ({ validator: (_, v) => (v || getFieldValue('householdId') ? Promise.resolve() : Promise.reject(new Error('请选择领取住户或填写领取人'))) })]}>
          <Input aria-label={direction === 'in' ? '捐助人' : '领取人'} />
        </Form.Item>
        <Form.Item name="kind" label="款/物"><Radio.Group options={DONATION_KINDS.map((k) => ({ value: k, label: DONATION_KIND_LABELS[k] }))} /></Form.Item>
        <Form.Item name="description" label="款物内容" rules={[{ required: true, message: '请填写款物内容' }]}><Input placeholder="如 现金、棉被 10 床" aria-label="款物内容" /></Form.Item>
        <Form.Item name="value" label="金额（物资按折合金额，元）" rules={[{ required: true, message: '请填写金额' }]}><InputNumber min={0.01} precision={2} className="help-num" aria-label="金额" /></Form.Item>
        <Form.Item name="handledBy" label="经手人"><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
