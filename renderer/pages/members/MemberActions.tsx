// The dated actions on one member, each an ActionSpec for ActionDialog.
import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { HouseholdRow } from '../../../shared/api/households';
import type { MemberDetail } from '../../../shared/api/members';
import { LEFT_REASONS, LEFT_REASON_LABELS, STANDINGS, STANDING_LABELS, type Standing } from '../../../shared/domain/member';
import { isBranchType } from '../../../shared/domain/org';
import { ledger } from '../../api';
import type { ActionSpec } from '../../components/ActionDialog';
import { OrgPicker } from '../../components/OrgPicker';
import { toIso } from '../../format';

type M = MemberDetail['member'];
const iso = (d: Dayjs) => toIso(d)!;
const notFuture = (label: string) => ({ validator: (_: unknown, d: Dayjs | null) => (d && d.isAfter(dayjs(), 'day') ? Promise.reject(new Error(`${label}不能晚于今天`)) : Promise.resolve()) });
const DateItem = ({ label, name = 'date', future = false }: { label: string; name?: string; future?: boolean }) => (
  <Form.Item label={label} name={name} rules={[{ required: true, message: `请选择${label}` }, ...(future ? [] : [notFuture(label)])]}>
    <DatePicker style={{ width: '100%' }} />
  </Form.Item>
);
const NoteItem = () => (
  <Form.Item label="备注" name="note">
    <Input.TextArea rows={2} maxLength={500} />
  </Form.Item>
);

type Dated = { date: Dayjs; note?: string };

export function transferOutSpec(m: M): ActionSpec<Dated & { toOrg: string; letterNumber?: string; duesPaidTo?: Dayjs }> {
  return {
    title: `组织关系转出：${m.name}`,
    okText: '转出',
    danger: true,
    initial: { date: dayjs() },
    confirm: (v) => `确认将“${m.name}”的组织关系转出至“${v.toOrg}”？转出后不再列入本街道花名册（历史记录保留）。`,
    fields: (
      <>
        <Form.Item label="转往的党组织" name="toOrg" rules={[{ required: true, whitespace: true, message: '请填写转往的党组织' }]}>
          <Input autoFocus maxLength={80} placeholder="如：某区某街道某社区党委" />
        </Form.Item>
        <DateItem label="转出日期" />
        <TransferLetterItems />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.transferOut']({ id: m.id, date: iso(v.date), toOrg: v.toOrg, note: v.note ?? null, ...letterOf(v) }),
    success: `已办理“${m.name}”的组织关系转出`,
  };
}

/** 组织关系介绍信编号 and 党费交至 (the last month paid), asked with every transfer out. */
export const TransferLetterItems = () => (
  <>
    <Form.Item label="介绍信编号" name="letterNumber">
      <Input maxLength={40} placeholder="组织关系介绍信的编号" />
    </Form.Item>
    <Form.Item label="党费交至" name="duesPaidTo">
      <DatePicker picker="month" style={{ width: '100%' }} placeholder="党费已交到哪个月" />
    </Form.Item>
  </>
);
export const letterOf = (v: { letterNumber?: string; duesPaidTo?: Dayjs | null }) => ({
  letterNumber: v.letterNumber?.trim() || null,
  duesPaidTo: v.duesPaidTo ? v.duesPaidTo.format('YYYY-MM') : null,
});

/** Several members at once: one dialog, one confirmation naming the count, one event per member. */
type Selected = { ids: number[]; branchIds: number[] };

export function bulkTransferOutSpec(sel: Selected): ActionSpec<Dated & { toOrg: string; letterNumber?: string; duesPaidTo?: Dayjs }> {
  const n = sel.ids.length;
  return {
    title: `组织关系转出：选中的 ${n} 名党员`,
    okText: `转出 ${n} 人`,
    danger: true,
    initial: { date: dayjs() },
    confirm: (v) => `确认将选中的 ${n} 名党员的组织关系转出至“${v.toOrg}”？每人记一条转出记录。`,
    fields: (
      <>
        <Form.Item label="转往的党组织" name="toOrg" rules={[{ required: true, whitespace: true, message: '请填写转往的党组织' }]}>
          <Input autoFocus maxLength={80} />
        </Form.Item>
        <DateItem label="转出日期" />
        <TransferLetterItems />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.bulk']({ ids: sel.ids, action: { kind: 'transferOut', date: iso(v.date), toOrg: v.toOrg, note: v.note ?? null, ...letterOf(v) } }),
    success: `已办理 ${n} 名党员的组织关系转出`,
  };
}

export function bulkInternalSpec(sel: Selected): ActionSpec<Dated & { toOrgId: number }> {
  const n = sel.ids.length;
  return {
    title: `街道内调整支部：选中的 ${n} 名党员`,
    okText: `调整 ${n} 人`,
    initial: { date: dayjs() },
    confirm: () => `确认将选中的 ${n} 名党员调整到所选党支部？每人记一条调整记录。`,
    fields: (
      <>
        <Form.Item label="调整到" name="toOrgId" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgPicker selectable={(o) => isBranchType(o.type) && !(sel.branchIds.length === 1 && o.id === sel.branchIds[0])} hideTypes={['group']} placeholder="选择党支部" />
        </Form.Item>
        <DateItem label="调整日期" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.bulk']({ ids: sel.ids, action: { kind: 'transferInternal', date: iso(v.date), toOrgId: v.toOrgId, note: v.note ?? null } }),
    success: `已将 ${n} 名党员调整支部`,
  };
}

const NO_GROUP = 0;
export function bulkGroupSpec(sel: Selected, groups: { id: number; name: string }[]): ActionSpec<Dated & { groupId: number }> {
  const n = sel.ids.length;
  return {
    title: `调整党小组：选中的 ${n} 名党员`,
    okText: `调整 ${n} 人`,
    initial: { date: dayjs() },
    confirm: () => `确认调整选中的 ${n} 名党员的党小组？`,
    fields: (
      <>
        <Form.Item label="党小组" name="groupId" rules={[{ required: true, message: '请选择党小组' }]}>
          <Select options={[...groups.map((g) => ({ value: g.id, label: g.name })), { value: NO_GROUP, label: '不编入党小组' }]} placeholder="选择党小组" />
        </Form.Item>
        <DateItem label="调整日期" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.bulk']({ ids: sel.ids, action: { kind: 'moveGroup', date: iso(v.date), groupId: v.groupId === NO_GROUP ? null : v.groupId, note: v.note ?? null } }),
    success: `已调整 ${n} 名党员的党小组`,
  };
}

/** 恢复联系: the 失联 ends on the day the member is reached again. */
export function regainContactSpec(m: M): ActionSpec<Dated> {
  return {
    title: `恢复联系：${m.name}`,
    okText: '恢复联系',
    initial: { date: dayjs() },
    fields: (
      <>
        <div style={{ marginBottom: 12, color: '#8c8c8c' }}>失联时间：{m.lostContactSince}</div>
        <DateItem label="恢复联系日期" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.regainContact']({ id: m.id, date: iso(v.date), note: v.note ?? null }),
    success: `已记录“${m.name}”恢复联系`,
  };
}

export function transferInternalSpec(m: M): ActionSpec<Dated & { toOrgId: number }> {
  return {
    title: `街道内调整支部：${m.name}`,
    okText: '调整',
    initial: { date: dayjs() },
    fields: (
      <>
        <Form.Item label="调整到" name="toOrgId" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgPicker selectable={(o) => isBranchType(o.type) && o.id !== m.orgId} hideTypes={['group']} placeholder="选择党支部" />
        </Form.Item>
        <DateItem label="调整日期" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.transferInternal']({ id: m.id, toOrgId: v.toOrgId, date: iso(v.date), note: v.note ?? null }),
    success: '已调整支部',
  };
}

export function confirmSpec(m: M, endsOn: string | null): ActionSpec<Dated & { earlyReason?: string }> {
  // The date defaults to the probation's end once it has passed; before that the clerk picks it.
  const over = !endsOn || endsOn <= dayjs().format('YYYY-MM-DD');
  const early = (d: Dayjs | null | undefined) => Boolean(endsOn && d && iso(d) < endsOn);
  return {
    title: `预备党员转正：${m.name}`,
    okText: '转为正式党员',
    initial: over ? { date: endsOn ? dayjs(endsOn) : dayjs() } : {},
    confirm: (v) => (early(v.date) ? `预备期到 ${endsOn} 才满，确认提前为“${m.name}”办理转正？转正日期为 ${iso(v.date)}。` : null),
    fields: (
      <>
        <DateItem label="转正日期（支部大会讨论通过之日）" />
        {endsOn && <div style={{ margin: '-8px 0 12px', color: '#8c8c8c' }}>预备期满日期：{endsOn}</div>}
        <Form.Item
          label="提前转正理由"
          name="earlyReason"
          dependencies={['date']}
          rules={[({ getFieldValue }) => ({
            validator: (_: unknown, v: string | undefined) =>
              early(getFieldValue('date') as Dayjs | null) && !v?.trim() ? Promise.reject(new Error(`转正日期早于预备期满日期 ${endsOn}，请写明提前转正的理由`)) : Promise.resolve(),
          })]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder="仅在预备期满前转正时填写" />
        </Form.Item>
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.confirm']({ id: m.id, date: iso(v.date), note: v.note ?? null, earlyReason: v.earlyReason?.trim() || null }),
    success: `“${m.name}”已转为正式党员`,
  };
}

export function extendSpec(m: M): ActionSpec<Dated & { months: number }> {
  return {
    title: `延长预备期：${m.name}`,
    initial: { date: dayjs(), months: 6 },
    fields: (
      <>
        <Form.Item label="延长期限" name="months" rules={[{ required: true, message: '请选择延长期限' }]}>
          <Radio.Group options={[{ value: 6, label: '半年' }, { value: 12, label: '一年' }]} optionType="button" />
        </Form.Item>
        <DateItem label="决定日期" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.extendProbation']({ id: m.id, date: iso(v.date), months: v.months, note: v.note ?? null }),
    success: '已记录延长预备期',
  };
}

export function standingSpec(m: M): ActionSpec<Dated & { standing: Standing; reason?: string }> {
  return {
    title: `变更党籍状态：${m.name}`,
    okText: '变更',
    initial: { date: dayjs() },
    confirm: (v) => (v.standing === 'left' || v.standing === 'deceased' ? `确认将“${m.name}”的党籍状态变更为“${STANDING_LABELS[v.standing]}”？` : null),
    fields: (
      <>
        <Form.Item label="新的党籍状态" name="standing" rules={[{ required: true, message: '请选择党籍状态' }]}>
          <Select options={STANDINGS.filter((s) => s !== m.standing).map((s) => ({ value: s, label: STANDING_LABELS[s] }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['standing']}>
          {({ getFieldValue }) =>
            getFieldValue('standing') === 'left' ? (
              <Form.Item label="出党方式" name="reason" rules={[{ required: true, message: '请选择出党方式' }]}>
                <Radio.Group options={LEFT_REASONS.map((r) => ({ value: r, label: LEFT_REASON_LABELS[r] }))} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <DateItem label="生效日期" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['members.changeStanding']({ id: m.id, standing: v.standing, reason: v.reason ?? null, date: iso(v.date), note: v.note ?? null }),
    success: '已变更党籍状态',
  };
}

type MobileValues = { direction: 'out' | 'in'; place: string; unit?: string; cardNumber?: string; contactPhone?: string; homeOrg?: string; fromDate: Dayjs; note?: string };
export function mobileSpec(m: M): ActionSpec<MobileValues> {
  return {
    title: `流动党员登记：${m.name}`,
    initial: { direction: 'out', fromDate: dayjs() },
    width: 600,
    fields: (
      <>
        <Form.Item label="流动方向" name="direction" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'out', label: '外出流动（流出）' }, { value: 'in', label: '外地流入' }]} optionType="button" />
        </Form.Item>
        <Form.Item noStyle dependencies={['direction']}>
          {({ getFieldValue }) => (
            <Form.Item label={getFieldValue('direction') === 'in' ? '从何处流入' : '流往何处'} name="place" rules={[{ required: true, whitespace: true, message: '请填写流动地点' }]}>
              <Input maxLength={80} placeholder="省、市、区（县）" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item label="工作单位" name="unit">
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item label="流动党员活动证编号" name="cardNumber">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="联系电话" name="contactPhone">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item noStyle dependencies={['direction']}>
          {({ getFieldValue }) =>
            getFieldValue('direction') === 'in' ? (
              <Form.Item label="组织关系所在党组织" name="homeOrg">
                <Input maxLength={80} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <DateItem label="开始日期" name="fromDate" />
        <NoteItem />
      </>
    ),
    run: (v) =>
      ledger['members.startMobile']({
        id: m.id,
        record: { direction: v.direction, place: v.place, unit: v.unit ?? null, cardNumber: v.cardNumber ?? null, contactPhone: v.contactPhone ?? null, homeOrg: v.homeOrg ?? null, fromDate: iso(v.fromDate), note: v.note ?? null },
      }),
    success: '已登记流动党员',
  };
}

export function endSpec(title: string, run: (date: string, note: string | null) => Promise<unknown>, success: string): ActionSpec<Dated> {
  return {
    title,
    initial: { date: dayjs() },
    fields: (
      <>
        <DateItem label="结束日期" />
        <NoteItem />
      </>
    ),
    run: (v) => run(iso(v.date), v.note ?? null),
    success,
  };
}

type ResidentValues = { communityOrgId: number; unitOrg?: string; registeredOn: Dayjs; isCadre?: boolean; serviceIntent?: string; note?: string };
export function residentSpec(m: M): ActionSpec<ResidentValues> {
  return {
    title: `在职党员到社区报到：${m.name}`,
    initial: { registeredOn: dayjs(), unitOrg: m.employer ?? undefined },
    width: 600,
    fields: (
      <>
        <Form.Item label="报到社区党组织" name="communityOrgId" rules={[{ required: true, message: '请选择社区党组织' }]}>
          <OrgPicker selectable={(o) => o.category === 'community' || o.type === 'partyCommittee'} hideTypes={['group']} />
        </Form.Item>
        <Form.Item label="所在单位党组织" name="unitOrg">
          <Input maxLength={80} />
        </Form.Item>
        <DateItem label="报到日期" name="registeredOn" />
        <Form.Item name="isCadre" valuePropName="checked">
          <Checkbox>副科级以上党员干部</Checkbox>
        </Form.Item>
        <Form.Item label="服务意向" name="serviceIntent">
          <Input maxLength={200} placeholder="如：政策宣传、环境整治、助老服务" />
        </Form.Item>
        <NoteItem />
      </>
    ),
    run: (v) =>
      ledger['members.registerResident']({
        id: m.id,
        registration: { communityOrgId: v.communityOrgId, unitOrg: v.unitOrg ?? null, registeredOn: iso(v.registeredOn), isCadre: Boolean(v.isCadre), serviceIntent: v.serviceIntent ?? null, note: v.note ?? null },
      }),
    success: '已登记报到',
  };
}

export function postSpec(m: M, posts: { id: number; name: string }[]): ActionSpec<{ postId: number; appliedOn?: Dayjs; fromDate: Dayjs; pledge?: string; note?: string }> {
  return {
    title: `设岗定责：${m.name}`,
    initial: { fromDate: dayjs() },
    fields: (
      <>
        <Form.Item label="岗位" name="postId" rules={[{ required: true, message: '请选择岗位' }]}>
          <Select options={posts.map((p) => ({ value: p.id, label: p.name }))} placeholder={posts.length ? '选择岗位' : '还没有岗位'} />
        </Form.Item>
        <Form.Item label="申报日期" name="appliedOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <DateItem label="上岗日期" name="fromDate" />
        <Form.Item label="承诺" name="pledge">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </>
    ),
    run: (v) => ledger['members.assignPost']({ id: m.id, postId: v.postId, appliedOn: toIso(v.appliedOn) ?? null, fromDate: iso(v.fromDate), pledge: v.pledge ?? null, note: v.note ?? null }),
    success: '已认领岗位',
  };
}

/** 党员联系户: the member starts keeping in touch with a household on the 民情卡 list. */
export function householdSpec(d: MemberDetail, households: HouseholdRow[]): ActionSpec<{ householdId: number; fromDate: Dayjs; note?: string }> {
  const m = d.member;
  const linked = new Set(d.households.filter((h) => !h.toDate).map((h) => h.householdId));
  return {
    title: `党员联系户：${m.name}`,
    initial: { fromDate: dayjs() },
    fields: (
      <>
        <Form.Item label="联系户" name="householdId" rules={[{ required: true, message: '请选择联系户（先在“民情”页登记民情卡）' }]}>
          <Select
            showSearch optionFilterProp="label" placeholder={households.length ? '输入户主姓名或地址查找' : '还没有民情卡：请先在“民情”页登记'}
            options={households.filter((h) => !linked.has(h.id)).map((h) => ({ value: h.id, label: `${h.head}　${h.addressLine}（${h.orgName}）` }))}
          />
        </Form.Item>
        <DateItem label="开始联系日期" name="fromDate" />
        <NoteItem />
      </>
    ),
    run: (v) => ledger['households.link']({ memberId: m.id, householdId: v.householdId, fromDate: iso(v.fromDate), note: v.note ?? null }),
    success: '已添加联系户',
  };
}

const ReasonItem = () => (
  <Form.Item label="原因（录入错误的情况）" name="reason" rules={[{ required: true, whitespace: true, message: '请写明原因' }]}>
    <Input.TextArea autoFocus rows={2} maxLength={500} />
  </Form.Item>
);

/** 录入错误: the member leaves every register; the record stays, struck through. */
export function voidMemberSpec(m: M): ActionSpec<{ reason: string }> {
  return {
    title: `作废党员记录（录入错误）：${m.name}`,
    okText: '作废',
    danger: true,
    confirm: () => `确认作废“${m.name}”的记录？作废后不再出现在任何台帐和统计中，记录和历史仍保留可查。`,
    fields: <ReasonItem />,
    run: (v) => ledger['members.void']({ id: m.id, reason: v.reason.trim() }),
    success: `已作废“${m.name}”的记录`,
  };
}

type HistoryEvent = { id: number; date: string; label: string };

/** 录入错误: one dated event struck through and gone from the registers. */
export function voidEventSpec(e: HistoryEvent): ActionSpec<{ reason: string }> {
  return {
    title: `作废历史记录：${e.date} ${e.label}`,
    okText: '作废',
    danger: true,
    confirm: () => `确认作废 ${e.date} 的“${e.label}”记录？各台帐将按作废后的历史重新计算。`,
    fields: <ReasonItem />,
    run: (v) => ledger['members.voidEvent']({ eventId: e.id, reason: v.reason.trim() }),
    success: '已作废这条历史记录',
  };
}

/** A wrong date: the record is voided and written again with the right date. */
export function correctDateSpec(e: HistoryEvent): ActionSpec<{ date: Dayjs; reason: string }> {
  return {
    title: `更正日期：${e.label}`,
    okText: '更正',
    initial: { date: dayjs(e.date) },
    fields: (
      <>
        <DateItem label="正确的日期" />
        <ReasonItem />
      </>
    ),
    run: (v) => ledger['members.correctEventDate']({ eventId: e.id, date: iso(v.date), reason: v.reason.trim() }),
    success: '已更正日期',
  };
}
