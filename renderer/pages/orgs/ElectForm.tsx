// 换届: a new committee term with its members and roles; the previous term ends that day.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { OrgDetail } from '../../../shared/api/orgs';
import { COMMITTEE_ROLES, COMMITTEE_ROLE_LABELS, defaultTermYears, type CommitteeRole } from '../../../shared/domain/org';
import { ledger } from '../../api';
import { showSuccess } from '../../feedback';
import { toIso } from '../../format';
import { useLoad, useSubmit } from '../../hooks';
import { useOrgs } from '../../org-context';

type RoleValue = { role: CommitteeRole; personName: string; roleLabel?: string };
type Values = { electedOn: Dayjs; expiresOn?: Dayjs | null; roles: RoleValue[]; note?: string };

export function ElectForm({ detail, open, onClose, onSaved }: { detail: OrgDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { subtree } = useOrgs();
  const { data: members } = useLoad(() => (open ? ledger['members.list']({}) : Promise.resolve([])), [open]);
  const inOrg = useMemo(() => {
    const ids = subtree(detail.org.id);
    return (members ?? []).filter((m) => m.orgId !== null && ids.has(m.orgId) && m.kind === 'full');
  }, [members, subtree, detail.org.id]);
  const years = detail.org.termYears ?? defaultTermYears(detail.org.category);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const roles = detail.roles.length ? detail.roles.map((r) => ({ role: r.role, personName: r.personName, roleLabel: r.roleLabel ?? undefined })) : [{ role: 'secretary' as const, personName: '' }];
    form.setFieldsValue({ electedOn: dayjs(), roles });
  }, [open, detail, form]);

  // A refusal on one seat ("term.roles.1.personName") shows under that seat's name field.
  const { submit: save, busy } = useSubmit(form, async (v) => {
    const byName = new Map(inOrg.map((m) => [m.name, m.id]));
    await ledger['orgs.elect']({
      orgId: detail.org.id,
      term: {
        electedOn: toIso(v.electedOn)!,
        expiresOn: toIso(v.expiresOn),
        note: v.note ?? null,
        roles: v.roles.map((r) => ({ role: r.role, personName: r.personName.trim(), roleLabel: r.roleLabel ?? null, memberId: byName.get(r.personName.trim()) ?? null })),
      },
    });
    showSuccess('已记录换届');
    onSaved();
  });

  const electedOn = Form.useWatch('electedOn', form);
  return (
    <Modal title={`换届：${detail.org.name}`} open={open} onCancel={onClose} onOk={() => void save()} okText="保存" cancelText="取消" okButtonProps={{ loading: busy }} width={640} destroyOnHidden maskClosable={false}>
      <Form form={form} layout="vertical" className="dense-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="换届（选举）日期" name="electedOn" rules={[{ required: true, message: '请选择换届日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="届满日期" name="expiresOn" extra={electedOn ? `不填按任期 ${years} 年：${electedOn.add(years, 'year').format('YYYY-MM-DD')}` : undefined}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>班子成员</Typography.Text>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top" className="role-row">
                  <Col span={8}>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请选择职务' }]}>
                      <Select options={COMMITTEE_ROLES.map((r) => ({ value: r, label: COMMITTEE_ROLE_LABELS[r] }))} placeholder="职务" />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item name={[f.name, 'personName']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                      <AutoComplete
                        options={inOrg.map((m) => ({ value: m.name, label: `${m.name}（${m.orgName ?? ''}）` }))}
                        showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                        placeholder="姓名（可从本组织党员中选）"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="删除这一行" />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ role: 'member', personName: '' })} disabled={fields.length >= 9}>
                添加班子成员
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label="备注" name="note" style={{ marginTop: 14 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
