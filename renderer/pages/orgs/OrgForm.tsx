// Create or edit an org: the facts every register prints in its 党组织基本情况.
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { OrgDetail } from '../../../shared/api/orgs';
import { CHILD_TYPES, ORG_CATEGORIES, ORG_CATEGORY_LABELS, ORG_TYPE_LABELS, defaultTermYears, type OrgCategory, type OrgType } from '../../../shared/domain/org';
import { ledger } from '../../api';
import { showSuccess } from '../../feedback';
import { useSubmit } from '../../hooks';
import { fromIso, toIso } from '../../format';
import { useOrgs } from '../../org-context';

export type OrgFormMode = { kind: 'create'; parentId: number | null } | { kind: 'edit'; org: OrgDetail['org'] };

type Values = {
  name: string; shortName?: string | null; type: OrgType; category?: OrgCategory | null; foundedOn?: Dayjs | null; address?: string | null; phone?: string | null;
  units?: string | null; termYears?: number | null; instructor?: string | null; instructorPhone?: string | null; note?: string | null;
};

export function OrgForm({ mode, onClose, onSaved }: { mode: OrgFormMode | null; onClose: () => void; onSaved: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { byId } = useOrgs();
  const parent = mode?.kind === 'create' && mode.parentId !== null ? byId.get(mode.parentId) : undefined;
  const allowedTypes: readonly OrgType[] = mode?.kind === 'create' ? (parent ? CHILD_TYPES[parent.type] : ['committee']) : [];
  const type = Form.useWatch('type', form);
  const category = Form.useWatch('category', form);

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') form.setFieldsValue({ ...mode.org, foundedOn: fromIso(mode.org.foundedOn) });
    else form.setFieldsValue({ type: allowedTypes.includes('branch') ? 'branch' : allowedTypes[0], category: parent?.category ?? undefined });
    // oxlint-disable-next-line react/exhaustive-deps -- the form is reset when it opens (mode), not while the clerk edits it
  }, [mode]);

  const { submit: save, busy } = useSubmit(form, async (v) => {
    const fields = {
      name: v.name, shortName: v.shortName ?? null, category: v.category ?? null, foundedOn: toIso(v.foundedOn), address: v.address ?? null,
      phone: v.phone ?? null, units: v.units ?? null, termYears: v.termYears ?? null, instructor: v.instructor ?? null, instructorPhone: v.instructorPhone ?? null,
      note: v.note ?? null,
    };
    if (mode?.kind === 'edit') {
      // The whole record: facilities and order travel with it so nothing resets.
      await ledger['orgs.update']({ id: mode.org.id, patch: { ...fields, facilities: mode.org.facilities, sortOrder: mode.org.sortOrder } });
      showSuccess('已保存');
      onSaved(mode.org.id);
    } else if (mode?.kind === 'create') {
      const { id } = await ledger['orgs.create']({ ...fields, parentId: mode.parentId, type: v.type, facilities: [], sortOrder: 0 });
      showSuccess(`已新建${ORG_TYPE_LABELS[v.type]}“${v.name}”`);
      onSaved(id);
    }
  });

  const isJoint = (mode?.kind === 'edit' ? byId.get(mode.org.id)?.type : type) === 'jointBranch';
  return (
    <Modal
      title={mode?.kind === 'edit' ? `编辑：${mode.org.name}` : parent ? `在“${parent.name}”下新建党组织` : '建立街道党工委'}
      open={mode !== null}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy }}
      width={680}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} layout="vertical" className="dense-form" onFinish={() => void save()}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item label="组织名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写组织名称' }]}>
              <Input autoFocus maxLength={60} placeholder="如：幸福社区第三党支部" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="简称" name="shortName">
              <Input maxLength={30} placeholder="树上显示简称" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="组织类型" name="type" rules={[{ required: mode?.kind === 'create', message: '请选择组织类型' }]}>
              <Select disabled={mode?.kind === 'edit'} options={(mode?.kind === 'edit' ? [mode.org.type] : allowedTypes).map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="单位类别" name="category">
              <Select allowClear options={ORG_CATEGORIES.map((c) => ({ value: c, label: ORG_CATEGORY_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="成立日期" name="foundedOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item label="地址" name="address">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="联系电话" name="phone">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="每届任期（年）" name="termYears" extra={`不填按 ${defaultTermYears(category ?? null)} 年`}>
              <InputNumber min={1} max={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="党建工作指导员" name="instructor">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="指导员电话" name="instructorPhone">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        {isJoint && (
          <Form.Item label="组成单位（每行一个）" name="units">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
