// 记录活动 / 修改活动: the meeting's facts on the left, attendance on the right. Fast entry: the
// expected attendees come from the roster of that day, all present; mark only the exceptions;
// 复制上次 takes place, time, host and topic from the last meeting of the same kind.
import { ArrowLeftOutlined, CopyOutlined, PrinterOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Spin, Tag, TimePicker, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActivityDetail, ActivityOrg, AttachmentMeta, Expected } from '../../../shared/api/activities';
import type { ActivityInput } from '../../../shared/schemas/activity';
import { ORG_TYPE_LABELS } from '../../../shared/domain/org';
import { ApiError, ledger } from '../../api';
import { attempt, errorText, showError, showSuccess, showUndoable } from '../../feedback';
import { saveBytes } from '../../download';
import { navigate, useLocation } from '../../router';
import { useUnsavedChanges } from '../../unsaved';
import { type AttendeeRow, type ObserverRow, AttendanceEditor } from './AttendanceEditor';
import { Attachments, uploadAttachment } from './Attachments';
import { useActivityOrgs, useActivityTypes } from './data';

/** A saved record as the input that saves it again (撤销 of an edit). */
function inputOf(r: ActivityDetail): ActivityInput {
  return {
    orgId: r.orgId, type: r.type, date: r.date, startTime: r.startTime, endTime: r.endTime, place: r.place, topic: r.topic, host: r.host,
    recorder: r.recorder, lecturer: r.lecturer, minutes: r.minutes, decisions: r.decisions, note: r.note, copiedFrom: r.copiedFrom,
    attendance: r.attendance.map((x) => (x.memberId !== null
      ? { memberId: x.memberId, status: x.status, absenceReason: x.absenceReason, reasonText: x.reasonText }
      : { personName: x.name, status: 'observer' as const })),
  };
}

type FormValues = {
  orgId?: number;
  type?: string;
  date?: Dayjs;
  time?: [Dayjs | null, Dayjs | null] | null;
  place?: string;
  topic?: string;
  host?: string;
  recorder?: string;
  lecturer?: string;
  minutes?: string;
  decisions?: string;
  note?: string;
};

const hhmm = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : null);
const toTime = (s: string | null) => (s ? dayjs(`2000-01-01T${s}`) : null);

function orgTree(orgs: ActivityOrg[], onlyGroups: boolean) {
  type Node = { value: number; title: string; disabled?: boolean; children?: Node[] };
  const byParent = new Map<number | null, ActivityOrg[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const p = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), o]);
  }
  const build = (parent: number | null): Node[] =>
    (byParent.get(parent) ?? []).map((o) => ({
      value: o.id,
      title: o.type === 'group' ? o.name : o.name,
      disabled: onlyGroups ? o.type !== 'group' : false,
      children: byParent.has(o.id) ? build(o.id) : undefined,
    }));
  return build(null);
}

/** Attendance rows from the expected list, keeping what was already marked for people still expected. */
function mergeExpected(expected: Expected, prev: AttendeeRow[]): AttendeeRow[] {
  const old = new Map(prev.map((r) => [r.memberId, r]));
  return expected.attendees.map((e) => {
    const o = old.get(e.memberId);
    return { memberId: e.memberId, name: e.name, role: e.role, kind: e.kind, status: o?.status ?? 'present', absenceReason: o?.absenceReason ?? null, reasonText: o?.reasonText ?? null };
  });
}

export function ActivityEditor({ id }: { id: number | null }) {
  const { query } = useLocation();
  const [form] = Form.useForm<FormValues>();
  const types = useActivityTypes();
  const orgs = useActivityOrgs();
  const [record, setRecord] = useState<(ActivityDetail & { attachments: AttachmentMeta[] }) | null>(null);
  const [loading, setLoading] = useState(id !== null);
  const [saving, setSaving] = useState(false);
  const [rows, setRows] = useState<AttendeeRow[]>([]);
  const [observers, setObservers] = useState<ObserverRow[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [basis, setBasis] = useState<Expected['basis']>('roster');
  const [roster, setRoster] = useState<Expected['attendees']>([]);
  const [copiedFrom, setCopiedFrom] = useState<{ id: number; date: string; topic: string } | null>(null);
  const [pending, setPending] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChanges(dirty || pending.length > 0, id === null ? '这次活动的记录' : '活动记录的修改');
  /** A change made by the person (not a load or a default): the guard asks before it is lost. */
  const touched = <T,>(set: (v: T) => void) => (v: T) => {
    setDirty(true);
    set(v);
  };
  const loadedRef = useRef(false);

  const orgId = Form.useWatch('orgId', form);
  const type = Form.useWatch('type', form);
  const date = Form.useWatch('date', form);
  const dateText = date ? date.format('YYYY-MM-DD') : null;
  const def = types.find((t) => t.code === type);
  const back = query.get('back');
  const voided = record?.voidedAt != null;

  // Load the record (edit) or the defaults from the address (new); again after 撤销 of an edit.
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    loadedRef.current = false;
    setDirty(false);
    if (id === null) {
      const qOrg = Number(query.get('orgId'));
      form.setFieldsValue({
        orgId: Number.isInteger(qOrg) && qOrg > 0 ? qOrg : undefined,
        type: query.get('type') ?? undefined,
        date: query.get('date') ? dayjs(query.get('date')) : dayjs(),
        topic: query.get('topic') ?? undefined,
      });
      loadedRef.current = true;
      return;
    }
    setLoading(true);
    ledger['activities.get']({ id })
      .then((r) => {
        setRecord(r);
        form.setFieldsValue({
          orgId: r.orgId, type: r.type, date: dayjs(r.date), time: r.startTime || r.endTime ? [toTime(r.startTime), toTime(r.endTime)] : null,
          place: r.place ?? undefined, topic: r.topic, host: r.host ?? undefined, recorder: r.recorder ?? undefined, lecturer: r.lecturer ?? undefined,
          minutes: r.minutes ?? undefined, decisions: r.decisions ?? undefined, note: r.note ?? undefined,
        });
        setRows(r.attendance.filter((a) => a.memberId !== null && a.status !== 'observer').map((a) => ({
          memberId: a.memberId!, name: a.name, role: null, kind: 'full', status: a.status as 'present' | 'absent', absenceReason: a.absenceReason, reasonText: a.reasonText,
        })));
        setObservers(r.attendance.filter((a) => a.status === 'observer').map((a) => ({ key: `o${a.id}`, memberId: a.memberId, name: a.name })));
        setCopiedFrom(null);
      })
      .catch(showError)
      .finally(() => {
        setLoading(false);
        loadedRef.current = true;
      });
    // oxlint-disable-next-line react/exhaustive-deps -- loads once per record; the address's defaults are read as the page opens
  }, [id, reloads]);

  // The expected attendees follow org, type and date.
  useEffect(() => {
    if (!orgId || !type || !dateText || !def) return;
    let live = true;
    ledger['activities.expected']({ orgId, type, date: dateText })
      .then((exp) => {
        if (!live) return;
        setNotice(exp.notice);
        setBasis(exp.basis);
        if (exp.basis === 'none') {
          // Free participants (谈心谈话, 志愿服务 …): offer the roster to choose from.
          return ledger['activities.expected']({ orgId, type: 'branchAssembly', date: dateText }).then((r) => { if (live) setRoster(r.attendees); });
        }
        setRows((prev) => {
          if (id !== null && record && record.orgId === orgId && record.type === type && record.date === dateText) {
            // Editing as recorded: keep the recorded list, add anyone expected who is missing.
            const have = new Set(prev.map((r) => r.memberId));
            const roles = new Map(exp.attendees.map((a) => [a.memberId, a]));
            const order = new Map(exp.attendees.map((a, i) => [a.memberId, i]));
            return [...prev.map((r) => ({ ...r, role: roles.get(r.memberId)?.role ?? r.role, kind: roles.get(r.memberId)?.kind ?? r.kind })),
              ...mergeExpected({ ...exp, attendees: exp.attendees.filter((a) => !have.has(a.memberId)) }, [])]
              .sort((a, b) => (order.get(a.memberId) ?? 1e9) - (order.get(b.memberId) ?? 1e9));
          }
          return mergeExpected(exp, prev);
        });
      })
      .catch(showError);
    return () => { live = false; };
  }, [orgId, type, dateText, def, id, record]);

  const selectedOrg = orgs.find((o) => o.id === orgId);
  const treeData = useMemo(() => orgTree(orgs, type === 'groupMeeting'), [orgs, type]);
  const nameOptions = useMemo(() => [...rows.map((r) => r.name), ...roster.map((r) => r.name)].filter((v, i, a) => a.indexOf(v) === i).map((v) => ({ value: v })), [rows, roster]);

  const copyLast = async () => {
    const v = form.getFieldsValue();
    if (!v.orgId || !v.type || !v.date) return showError(new Error('请先选择党组织、活动类型和日期。'));
    try {
      const { draft, copiedFrom: prev } = await ledger['activities.draft']({ orgId: v.orgId, type: v.type, date: v.date.format('YYYY-MM-DD') });
      if (!prev) return showError(new Error('这个组织还没有更早的同类活动记录，无法复制。'));
      form.setFieldsValue({
        place: draft.place ?? undefined, topic: draft.topic || undefined, host: draft.host ?? undefined, recorder: draft.recorder ?? undefined,
        lecturer: draft.lecturer ?? undefined, time: draft.startTime || draft.endTime ? [toTime(draft.startTime ?? null), toTime(draft.endTime ?? null)] : null,
      });
      setObservers(prev.attendance.filter((a) => a.status === 'observer').map((a) => ({ key: `c${a.id}`, memberId: a.memberId, name: a.name })));
      setCopiedFrom({ id: prev.id, date: prev.date, topic: prev.topic });
      showSuccess(`已复制 ${prev.date} 的会议信息，请修改主题并核对参会情况`);
    } catch (e) {
      showError(e);
    }
  };

  const submit = async () => {
    setError(null);
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input: ActivityInput = {
      orgId: v.orgId!, type: v.type!, date: v.date!.format('YYYY-MM-DD'),
      startTime: hhmm(v.time?.[0]), endTime: hhmm(v.time?.[1]),
      place: v.place ?? null, topic: v.topic ?? '', host: v.host ?? null, recorder: v.recorder ?? null,
      lecturer: def?.hasLecturer ? (v.lecturer ?? null) : null,
      minutes: v.minutes ?? null, decisions: v.decisions ?? null, note: v.note ?? null,
      copiedFrom: copiedFrom?.id ?? null,
      attendance: [
        ...rows.map((r) => ({ memberId: r.memberId, status: r.status, absenceReason: r.status === 'absent' ? (r.absenceReason ?? 'other') : null, reasonText: r.status === 'absent' ? r.reasonText : null })),
        ...observers.map((o) => (o.memberId !== null ? { memberId: o.memberId, status: 'observer' as const } : { personName: o.name, status: 'observer' as const })),
      ],
    };
    setSaving(true);
    try {
      const saved = id === null ? await ledger['activities.record'](input) : await ledger['activities.update']({ id, activity: input });
      const failed: string[] = [];
      for (const f of pending) {
        try {
          await uploadAttachment(saved.id, f);
        } catch (e) {
          failed.push(`${f.name}：${errorText(e)}`);
        }
      }
      setPending([]);
      setDirty(false);
      guard.saved();
      if (failed.length) showError(new Error(`记录已保存，但有附件未能上传：${failed.join('；')}`));
      else if (id === null) {
        // 撤销 a new record: it is voided (kept, audited), as a clerk would void a duplicate.
        showUndoable(`已记录：${saved.typeLabel}（${saved.date}）`, async () => {
          await ledger['activities.void']({ id: saved.id, reason: '撤销：刚记录的活动' });
          if (window.location.hash.startsWith(`#/activities/${saved.id}`)) navigate(back ?? '/activities?tab=list');
        });
      } else if (record) {
        // 撤销 an edit (attendance included): the record as it was, saved again, while no one changed it since.
        const previous = inputOf(record);
        showUndoable('修改已保存', async () => {
          if ((await ledger['activities.get']({ id })).updatedAt !== saved.updatedAt) throw new Error('这条活动记录在保存之后又有了其他改动，不能撤销；请直接修改。');
          await ledger['activities.update']({ id, activity: previous });
          if (window.location.hash.startsWith(`#/activities/${id}`)) setReloads((n) => n + 1);
        });
      }
      if (back) navigate(back);
      else navigate(`/activities/${saved.id}`, { replace: id === null });
      if (id !== null) setRecord({ ...saved, attachments: (await ledger['activities.get']({ id })).attachments });
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) {
        const fields = e.fieldErrors;
        form.setFields(Object.entries(fields).filter(([k]) => !k.startsWith('attendance')).map(([k, msg]) => ({ name: k as keyof FormValues, errors: [msg] })));
      }
    } finally {
      setSaving(false);
    }
  };

  const doVoid = () => {
    let reason = '';
    Modal.confirm({
      title: '作废这条活动记录？',
      content: (
        <div>
          <p>作废后不再计入三会一课完成情况和出勤统计，记录仍保留在台帐中备查。</p>
          <Input.TextArea autoFocus rows={2} placeholder="作废原因（必填），如：重复录入" onChange={(e) => { reason = e.target.value; }} />
        </div>
      ),
      okText: '作废',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        if (!reason.trim()) {
          showError(new Error('请填写作废原因。'));
          throw new Error('reason required');
        }
        await ledger['activities.void']({ id: id!, reason });
        showSuccess('已作废');
        guard.saved();
        navigate(back ?? '/activities?tab=list');
      },
    });
  };

  const reloadAttachments = () => {
    if (id !== null) ledger['activities.get']({ id }).then(setRecord).catch(showError);
  };

  const title = id === null ? '记录活动' : voided ? '活动记录（已作废）' : '修改活动记录';

  return (
    <div className="ae">
      <div className="page-header">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back ?? '/activities?tab=list')} aria-label="返回" />
          <Typography.Title level={4}>{title}</Typography.Title>
          {record && <Tag>{record.typeLabel}</Tag>}
          {copiedFrom && <Tag color="blue">复制自 {copiedFrom.date}</Tag>}
        </Space>
        <Space>
          {id === null && (
            <Button icon={<CopyOutlined />} onClick={() => void copyLast()} disabled={!orgId || !type}>
              复制上次会议
            </Button>
          )}
          {id !== null && !voided && (
            <Button
              icon={<PrinterOutlined />}
              title="打印这次活动的会议记录（已保存的内容）"
              onClick={() => void attempt(async () => {
                const f = await ledger['activities.printRecord']({ id, maskIds: false });
                saveBytes(f.data as BlobPart, f.fileName, 'application/pdf');
              })}
            >
              打印会议记录
            </Button>
          )}
          {id !== null && !voided && (
            <Button danger icon={<StopOutlined />} onClick={doVoid}>
              作废
            </Button>
          )}
          {!voided && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void submit()}>
              保存
            </Button>
          )}
        </Space>
      </div>
      {voided && <Alert type="warning" showIcon className="ae-alert" title={`此记录已于 ${dayjs(record!.voidedAt).format('YYYY-MM-DD')} 作废：${record!.voidReason ?? ''}`} />}
      {error && <Alert type="error" showIcon closable className="ae-alert" title={error} onClose={() => setError(null)} />}
      <Spin spinning={loading}>
        <Row gutter={16}>
          <Col span={14}>
            <Card size="small" title="会议信息" className="ae-card">
              <Form form={form} layout="vertical" requiredMark disabled={voided} className="ae-form" onFinish={() => void submit()} onValuesChange={() => setDirty(true)}>
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item name="type" label="活动类型" rules={[{ required: true, message: '请选择活动类型' }]}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder="选择类型"
                        options={[
                          { label: '三会一课', options: types.filter((t) => t.core).map((t) => ({ value: t.code, label: t.label })) },
                          { label: '其他组织生活与活动', options: types.filter((t) => !t.core).map((t) => ({ value: t.code, label: t.label })) },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item
                      name="orgId"
                      label={type === 'groupMeeting' ? '党小组' : '党组织'}
                      rules={[{ required: true, message: type === 'groupMeeting' ? '请选择召开会议的党小组' : '请选择党组织' }]}
                      extra={selectedOrg ? `${ORG_TYPE_LABELS[selectedOrg.type]}${selectedOrg.foundedOn ? `，${selectedOrg.foundedOn} 成立` : ''}` : undefined}
                    >
                      <TreeSelect
                        showSearch={{ treeNodeFilterProp: 'title' }}
                        placeholder={type === 'groupMeeting' ? '选择党小组' : '选择党支部'}
                        treeData={treeData}
                        treeDefaultExpandAll
                        listHeight={360}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col span={7}>
                    <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                      <DatePicker className="ae-full" disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="time" label="时间">
                      <TimePicker.RangePicker format="HH:mm" minuteStep={5} className="ae-full" placeholder={['开始', '结束']} />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item name="place" label="地点">
                      <Input maxLength={100} placeholder="如 党员活动室" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="topic" label="会议主题" rules={[{ required: true, whitespace: true, message: '请填写会议主题' }]}>
                  <Input maxLength={200} placeholder="如 学习贯彻党的二十届三中全会精神" />
                </Form.Item>
                <Row gutter={12}>
                  <Col span={def?.hasLecturer ? 8 : 12}>
                    <Form.Item name="host" label="主持人">
                      <AutoComplete options={nameOptions} maxLength={30} showSearch={{ filterOption: true }} />
                    </Form.Item>
                  </Col>
                  <Col span={def?.hasLecturer ? 8 : 12}>
                    <Form.Item name="recorder" label="记录人">
                      <AutoComplete options={nameOptions} maxLength={30} showSearch={{ filterOption: true }} />
                    </Form.Item>
                  </Col>
                  {def?.hasLecturer && (
                    <Col span={8}>
                      <Form.Item name="lecturer" label="主讲人" rules={[{ required: true, whitespace: true, message: '党课请填写主讲人' }]}>
                        <AutoComplete options={nameOptions} maxLength={30} showSearch={{ filterOption: true }} />
                      </Form.Item>
                    </Col>
                  )}
                </Row>
                <Form.Item name="minutes" label="会议记录">
                  <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={50000} placeholder="会议议程、发言要点" />
                </Form.Item>
                <Form.Item name="decisions" label="决定事项">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
                </Form.Item>
                <Form.Item name="note" label="备注" className="ae-last">
                  <Input maxLength={1000} />
                </Form.Item>
              </Form>
            </Card>
          </Col>
          <Col span={10}>
            <Card size="small" title="参会情况" className="ae-card">
              {basis === 'none' && !voided && (
                <Select
                  mode="multiple"
                  className="ae-full ae-participants"
                  placeholder="选择参加的党员"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={rows.map((r) => r.memberId)}
                  onChange={(ids: number[]) => touched(setRows)(ids.map((mid) => rows.find((r) => r.memberId === mid) ?? { ...roster.find((r) => r.memberId === mid)!, status: 'present', absenceReason: null, reasonText: null }))}
                  options={roster.map((r) => ({ value: r.memberId, label: r.name }))}
                />
              )}
              <AttendanceEditor rows={rows} onRows={voided ? () => {} : touched(setRows)} observers={observers} onObservers={voided ? () => {} : touched(setObservers)} notice={notice} freeList={basis === 'none'} />
            </Card>
            <Card size="small" title="附件" className="ae-card">
              <Attachments activityId={id} items={record?.attachments ?? []} onChanged={reloadAttachments} pending={pending} onPending={setPending} readOnly={voided} />
            </Card>
          </Col>
        </Row>
      </Spin>
    </div>
  );
}
