// Add, edit, or take in (组织关系转入) a member: every field of the roster, checked as the clerk
// types (ID checksum, dates in order) with the message on the field itself.
import { Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Radio, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { MemberDetail } from '../../../shared/api/members';
import { idBirthDate, idGender, idNumberProblem, idProblemMessage } from '../../../shared/domain/id-number';
import { memberProblems } from '../../../shared/domain/member-rules';
import type { MemberCategory, MemberKind } from '../../../shared/domain/member';
import { isBranchType } from '../../../shared/domain/org';
import { ledger } from '../../api';
import { CodeSelect } from '../../components/CodeSelect';
import { OrgPicker } from '../../components/OrgPicker';
import { showError, showSuccess, showUndoable } from '../../feedback';
import { fromIso, toIso, todayIso } from '../../format';
import { showFieldErrors } from '../../hooks';
import { useOrgs } from '../../org-context';
import { useUnsavedChanges } from '../../unsaved';
import { categoryOptions, educationOptions, ETHNICITIES, jobOptions, kindOptions } from './labels';

export type MemberFormMode = { kind: 'add' } | { kind: 'edit'; member: MemberDetail['member'] } | { kind: 'transferIn' };

type Values = {
  name: string; idNumber: string; gender?: '男' | '女' | null; ethnicity?: string | null; birthDate?: Dayjs | null; nativePlace?: string | null;
  education?: string | null; kind: MemberKind; joinedOn?: Dayjs | null; confirmedOn?: Dayjs | null; orgId?: number | null; groupId?: number | null;
  employer?: string | null; job?: string | null; phone?: string | null; address?: string | null; categories: MemberCategory[];
  skills?: string | null; lostContactSince?: Dayjs | null; note?: string | null;
  fromOrg?: string; transferDate?: Dayjs | null; changeDate?: Dayjs | null;
};

/** The form's fields → the member fields of the API (whole form: a partial would reset defaults). */
function toFields(v: Values) {
  return {
    name: v.name, idNumber: (v.idNumber ?? '').trim().toUpperCase(), gender: v.gender ?? null, ethnicity: v.ethnicity ?? null, birthDate: toIso(v.birthDate),
    nativePlace: v.nativePlace ?? null, education: v.education ?? null, kind: v.kind, joinedOn: toIso(v.joinedOn),
    confirmedOn: v.kind === 'full' ? toIso(v.confirmedOn) : null, groupId: v.groupId ?? null, employer: v.employer ?? null, job: v.job ?? null,
    phone: v.phone ?? null, address: v.address ?? null, categories: v.categories ?? [], skills: v.skills ?? null,
    lostContactSince: v.lostContactSince ? v.lostContactSince.format('YYYY-MM') : null, note: v.note ?? null,
  };
}

export function MemberForm({ mode, onClose, onSaved }: { mode: MemberFormMode | null; onClose: () => void; onSaved: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChanges(mode !== null && dirty, mode?.kind === 'edit' ? '党员信息的修改' : mode?.kind === 'transferIn' ? '组织关系转入的内容' : '新增党员的内容');
  const { orgs, orgId: selectedOrg, byId } = useOrgs();
  const orgId = Form.useWatch('orgId', form);
  const kind = Form.useWatch('kind', form);
  const groups = useMemo(() => orgs.filter((o) => o.type === 'group' && o.parentId === orgId), [orgs, orgId]);

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    setDirty(false);
    if (mode.kind === 'edit') {
      const m = mode.member;
      form.setFieldsValue({
        ...m, birthDate: fromIso(m.birthDate), joinedOn: fromIso(m.joinedOn), confirmedOn: fromIso(m.confirmedOn),
        lostContactSince: m.lostContactSince ? dayjs(`${m.lostContactSince}-01`) : null, changeDate: dayjs(),
      });
    } else {
      const sel = selectedOrg !== null ? byId.get(selectedOrg) : undefined;
      form.setFieldsValue({ kind: 'full', categories: [], orgId: sel && isBranchType(sel.type) ? sel.id : undefined, transferDate: dayjs() });
    }
  }, [mode, form, selectedOrg, byId]);

  /** Fills 出生日期 and 性别 from a sound ID number when they are still empty. */
  const onIdBlur = () => {
    const id = (form.getFieldValue('idNumber') as string | undefined)?.trim().toUpperCase();
    if (!id || idNumberProblem(id)) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', dayjs(idBirthDate(id)!));
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', idGender(id));
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const fields = toFields(v);
    // 流动 is set by the mobile-member record, not by this form; keep it as it is.
    if (mode?.kind === 'edit' && mode.member.categories.includes('mobile') && !fields.categories.includes('mobile')) fields.categories.push('mobile');
    // The shared rules first: the same checks the service runs, shown on their fields at once.
    const problems = memberProblems(fields, todayIso());
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.field as keyof Values, errors: [p.message] })));
      form.scrollToField(problems[0]!.field as keyof Values);
      return;
    }
    setSaving(true);
    try {
      let id: number;
      if (mode?.kind === 'edit') {
        const before = mode.member;
        const date = toIso(v.changeDate) ?? undefined;
        await ledger['members.update']({ id: before.id, patch: fields, date, note: null });
        id = before.id;
        const savedAt = (await ledger['members.get']({ id })).member.updatedAt;
        // 撤销: the fields as they were, saved again with the same date (a dated, audited edit).
        const previous = Object.fromEntries(Object.keys(fields).map((k) => [k, before[k as keyof typeof before]])) as typeof fields;
        showUndoable('已保存', async () => {
          if ((await ledger['members.get']({ id })).member.updatedAt !== savedAt) throw new Error('这名党员在保存之后又有了其他改动，不能撤销；请直接修改。');
          await ledger['members.update']({ id, patch: previous, date, note: '撤销上一次修改' });
          onSaved(id);
        });
      } else if (mode?.kind === 'transferIn') {
        id = (await ledger['members.transferIn']({ member: { ...fields, orgId: v.orgId! }, date: toIso(v.transferDate)!, fromOrg: v.fromOrg ?? '', note: null })).id;
        showSuccess(`已办理“${fields.name}”的组织关系转入`);
      } else {
        id = (await ledger['members.create']({ ...fields, orgId: v.orgId! })).id;
        showSuccess(`已新增党员“${fields.name}”`);
      }
      guard.saved();
      onSaved(id);
    } catch (e) {
      // The services name the field (MEMBER_EXISTS → idNumber, NOT_A_BRANCH → orgId, zod paths).
      if (!showFieldErrors(form, e)) showError(e);
    } finally {
      setSaving(false);
    }
  };

  const title = mode?.kind === 'edit' ? `修改党员信息：${mode.member.name}` : mode?.kind === 'transferIn' ? '组织关系转入' : '新增党员';
  const close = () => guard.close(onClose);
  const dateRule = (label: string) => ({ validator: (_: unknown, d: Dayjs | null) => (d && d.isAfter(dayjs(), 'day') ? Promise.reject(new Error(`${label}不能晚于今天`)) : Promise.resolve()) });

  return (
    <Drawer
      title={title}
      open={mode !== null}
      onClose={close}
      size={760}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form<Values>
        onValuesChange={() => setDirty(true)}
        form={form}
        layout="vertical"
        className="dense-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
        onFinish={() => void submit()}
      >
        {mode?.kind === 'transferIn' && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="转出党组织" name="fromOrg" rules={[{ required: true, whitespace: true, message: '请填写转出党组织' }]}>
                <Input autoFocus placeholder="如：某区某街道某社区党支部" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="转入日期" name="transferDate" rules={[{ required: true, message: '请选择转入日期' }, dateRule('转入日期')]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input autoFocus={mode?.kind !== 'transferIn'} maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              label="公民身份号码"
              name="idNumber"
              validateTrigger="onBlur"
              rules={[
                { required: true, whitespace: true, message: '请填写身份证号' },
                {
                  validator: (_r, v: string | undefined) => {
                    const id = v?.trim().toUpperCase() ?? '';
                    const p = id ? idNumberProblem(id) : null;
                    return p ? Promise.reject(new Error(idProblemMessage(p, id))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input maxLength={18} className="mono" onBlur={onIdBlur} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="性别" name="gender">
              <Radio.Group options={['男', '女']} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="民族" name="ethnicity">
              <CodeSelect options={ETHNICITIES.map((e) => ({ value: e, label: e }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="出生日期" name="birthDate">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="籍贯" name="nativePlace">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="学历" name="education">
              <CodeSelect options={educationOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="人员类别" name="kind" rules={[{ required: true, message: '请选择人员类别' }]}>
              <Radio.Group options={kindOptions} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="工作岗位" name="job">
              <CodeSelect options={jobOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="入党日期" name="joinedOn" rules={[dateRule('入党日期')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="转正日期" name="confirmedOn" rules={[dateRule('转正日期')]} extra={kind === 'probationary' ? '预备党员转正请在党员页面办理' : undefined}>
              <DatePicker style={{ width: '100%' }} disabled={kind === 'probationary'} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="联系电话" name="phone">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              label="所在党支部"
              name="orgId"
              rules={mode?.kind === 'edit' ? [] : [{ required: true, message: '请选择所在党支部' }]}
              extra={mode?.kind === 'edit' ? '调整支部请在党员页面用“街道内调整支部”办理' : undefined}
            >
              <OrgPicker disabled={mode?.kind === 'edit'} selectable={(o) => isBranchType(o.type)} hideTypes={['group']} placeholder="选择党支部" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="党小组" name="groupId">
              <CodeSelect disabled={groups.length === 0} placeholder={groups.length ? '选择党小组' : '该支部未设党小组'} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="工作单位及职务" name="employer">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="现居住地" name="address">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="分类（可多选）" name="categories">
          <Checkbox.Group options={categoryOptions.filter((c) => c.value !== 'mobile')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item label="特长" name="skills">
              <Input maxLength={200} placeholder="下岗失业党员请填写，便于再就业帮扶" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="失联时间（失联党员）" name="lostContactSince">
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {mode?.kind === 'edit' && (
          <Form.Item label="变更日期" name="changeDate" extra="记入党员的历史记录。">
            <DatePicker />
          </Form.Item>
        )}
        <Typography.Text type="secondary">按 Ctrl+Enter 保存。</Typography.Text>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
