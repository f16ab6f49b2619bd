// One member: every field, categories, posts, household links, mobile and resident records, and
// the dated history; every action is a dated event.
import { ArrowLeftOutlined, DownOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Dropdown, Empty, Result, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { MemberDetail as Detail } from '../../../shared/api/members';
import { APPRAISAL_GRADE_LABELS, LEFT_REASON_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_EVENT_LABELS, STANDING_LABELS, type LeftReason, type Standing } from '../../../shared/domain/member';
import { ledger } from '../../api';
import { ActionDialog, type ActionSpec } from '../../components/ActionDialog';
import { ageFrom, cnDate, dash } from '../../format';
import { useLoad } from '../../hooks';
import { changeLine, FIELD_LABELS } from '../../labels';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import {
  confirmSpec, correctDateSpec, endSpec, extendSpec, householdSpec, mobileSpec, postSpec, regainContactSpec, residentSpec, standingSpec, transferInternalSpec, transferOutSpec, voidEventSpec, voidMemberSpec,
} from './MemberActions';
import { useSession } from '../../session';
import { MemberForm, type MemberFormMode } from './MemberForm';
import ExtraFields from '../import/ExtraFields';
import { CommendationsOf } from '../commendations/CommendationTable';

type Ev = Detail['history'][number];
/** The events the service lets an admin re-date (members.ts CORRECTABLE) or only void (membership changes). */
const CORRECTABLE_EVENTS = new Set<string>(['confirmed', 'probationExtended', 'standingChanged']);
const VOIDABLE_EVENTS = new Set<string>([...CORRECTABLE_EVENTS, 'transferIn', 'transferOut', 'transferInternal']);
/** Transfers and 出党/死亡/恢复党籍 can only be voided (then entered again), not re-dated. */
const changesMembership = (e: Ev) =>
  e.type === 'standingChanged' ? ['left', 'deceased'].some((s) => e.data.from === s || e.data.to === s) : VOIDABLE_EVENTS.has(e.type) && !CORRECTABLE_EVENTS.has(e.type);

function describe(e: Ev): string {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'created': return `建立档案${e.toOrgName ? `，编入${e.toOrgName}` : ''}`;
    case 'transferIn': return `组织关系由“${e.otherOrg ?? '外单位'}”转入${e.toOrgName ? `${e.toOrgName}` : ''}`;
    case 'transferOut': return `组织关系转出至“${e.otherOrg ?? ''}”${d.letterNumber ? `，介绍信编号 ${String(d.letterNumber)}` : ''}${d.duesPaidTo ? `，党费交至 ${String(d.duesPaidTo)}` : ''}`;
    case 'contactRegained': return `恢复联系（${String(d.lostContactSince ?? '')}起失联）`;
    case 'transferInternal': return `由${e.fromOrgName ?? ''}调整到${e.toOrgName ?? ''}`;
    case 'probationExtended': return `延长预备期 ${String(d.months ?? '')} 个月`;
    case 'standingChanged': {
      const from = STANDING_LABELS[d.from as Standing] ?? '';
      const to = STANDING_LABELS[d.to as Standing] ?? '';
      const reason = d.reason ? `（${LEFT_REASON_LABELS[d.reason as LeftReason] ?? String(d.reason)}）` : '';
      return `党籍状态：${from} → ${to}${reason}`;
    }
    case 'fieldsUpdated': {
      const keys = Object.keys(d);
      return `修改${keys.map((k) => FIELD_LABELS[k] ?? k).join('、')}`;
    }
    case 'mobileOut': return `外出流动至${e.otherOrg ?? ''}`;
    case 'mobileIn': return `由${e.otherOrg ?? ''}流入`;
    case 'residentRegistered': return `到${e.toOrgName ?? '社区'}报到`;
    case 'postTaken': return `“${String(d.post ?? '')}”${d.pledge ? `，承诺：${String(d.pledge)}` : ''}`;
    case 'postLeft': return `“${String(d.post ?? '')}”`;
    case 'appraisal': return `评议结果：${APPRAISAL_GRADE_LABELS[d.grade as keyof typeof APPRAISAL_GRADE_LABELS] ?? '参加评议，不定等次'}`;
    default: return MEMBER_EVENT_LABELS[e.type] ?? e.type;
  }
}

function changeLines(e: Ev, orgName: (id: number) => string | undefined): string[] {
  if (e.type !== 'fieldsUpdated') return [];
  return Object.entries(e.data as Record<string, { from: unknown; to: unknown }>).map(([k, v]) => changeLine(k, v?.from, v?.to, orgName));
}

export function MemberDetail({ id }: { id: number }) {
  const { data, loading, reload } = useLoad(() => ledger['members.get']({ id }), [id]);
  const { byId } = useOrgs();
  const orgName = (orgId: number) => byId.get(orgId)?.name;
  const [action, setAction] = useState<ActionSpec<never> | null>(null);
  const [formMode, setFormMode] = useState<MemberFormMode | null>(null);
  const isAdmin = useSession().status?.user?.role === 'admin';
  const open = <V extends object>(spec: ActionSpec<V>) => setAction(spec as unknown as ActionSpec<never>);

  if (!data) return loading ? <Spin size="large" className="page-spin" /> : <Result status="404" title="找不到这名党员" extra={<Button onClick={() => navigate('/members')}>返回党员列表</Button>} />;
  const { member: m } = data;
  const active = m.status === 'active' && m.standing !== 'left' && m.standing !== 'deceased';
  const openMobile = data.mobile.find((r) => !r.toDate);
  const openResident = data.residents.find((r) => !r.endedOn);

  const menu = [
    { key: 'transferInternal', label: '街道内调整支部', disabled: !active, onClick: () => open(transferInternalSpec(m)) },
    { key: 'transferOut', label: '组织关系转出', danger: true, disabled: !active, onClick: () => open(transferOutSpec(m)) },
    { type: 'divider' as const },
    { key: 'confirm', label: '预备党员转正', disabled: !active || m.kind !== 'probationary', onClick: () => open(confirmSpec(m, data.probationEndsOn)) },
    { key: 'extend', label: '延长预备期', disabled: !active || m.kind !== 'probationary', onClick: () => open(extendSpec(m)) },
    { key: 'standing', label: '变更党籍状态', disabled: m.standing === 'deceased', onClick: () => open(standingSpec(m)) },
    { type: 'divider' as const },
    openMobile
      ? { key: 'endMobile', label: '结束流动', onClick: () => open(endSpec('结束流动', (date, note) => ledger['members.endMobile']({ recordId: openMobile.id, date, note }), '已结束流动')) }
      : { key: 'mobile', label: '流动党员登记', disabled: !active, onClick: () => open(mobileSpec(m)) },
    openResident
      ? { key: 'endResident', label: '结束社区报到', onClick: () => open(endSpec('结束社区报到', (date, note) => ledger['members.endResident']({ registrationId: openResident.id, date, note }), '已结束报到')) }
      : { key: 'resident', label: '在职党员到社区报到', disabled: !active, onClick: () => open(residentSpec(m)) },
    { key: 'post', label: '设岗定责（认领岗位）', disabled: !active, onClick: async () => open(postSpec(m, await ledger['members.posts']({}))) },
    { key: 'household', label: '添加党员联系户', disabled: !active, onClick: async () => open(householdSpec(data, await ledger['households.list']({}))) },
    ...(m.lostContactSince ? [{ key: 'regainContact', label: '恢复联系', onClick: () => open(regainContactSpec(m)) }] : []),
    ...(isAdmin && !data.voided ? [{ type: 'divider' as const }, { key: 'void', label: '作废记录（录入错误）', danger: true, onClick: () => open(voidMemberSpec(m)) }] : []),
  ];

  const age = ageFrom(m.birthDate);
  return (
    <div className="member-detail">
      <div className="page-header">
        <Space align="center" size={12} wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? window.history.back() : navigate('/members'))} aria-label="返回" />
          <Typography.Title level={4}>{m.name}</Typography.Title>
          {m.kind === 'probationary' ? <Tag color="orange">预备党员</Tag> : <Tag color="red">正式党员</Tag>}
          {m.status === 'transferredOut' && <Tag>已转出</Tag>}
          {m.standing !== 'normal' && <Tag color="volcano">{STANDING_LABELS[m.standing]}</Tag>}
          {openMobile && <Tag color="blue">{openMobile.direction === 'out' ? '流出党员' : '流入党员'}</Tag>}
          {openResident && <Tag color="cyan">在职党员已报到</Tag>}
          <span className="page-subtitle">{data.orgName}{data.groupName ? ` · ${data.groupName}` : ''}</span>
        </Space>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setFormMode({ kind: 'edit', member: m })}>
            修改信息
          </Button>
          <Dropdown menu={{ items: menu }} trigger={['click']}>
            <Button type="primary">
              办理业务 <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      </div>
      {data.voided && (
        <Alert className="block-gap" type="error" showIcon title={`此记录已于 ${data.voided.at.slice(0, 10)} 作废（录入错误：${data.voided.reason ?? ''}），不再列入任何台帐和统计。`} />
      )}
      {data.missing.length > 0 && active && (
        <Alert className="block-gap" type="warning" showIcon title={`采集表必填项未填：${data.missing.join('、')}`} action={<Button size="small" onClick={() => setFormMode({ kind: 'edit', member: m })}>补充</Button>} />
      )}
      {m.kind === 'probationary' && data.probationEndsOn && active && (
        <Alert className="block-gap" type={data.probationEndsOn <= new Date().toISOString().slice(0, 10) ? 'error' : 'info'} showIcon title={`预备期至 ${cnDate(data.probationEndsOn)} 届满，届满后请及时讨论转正。`} />
      )}
      <Card size="small" title="基本信息" className="block-gap">
        <Descriptions size="small" column={3} bordered styles={{ label: { width: 128 } }}>
          <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
          <Descriptions.Item label="性别">{dash(m.gender)}</Descriptions.Item>
          <Descriptions.Item label="民族">{dash(m.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label="公民身份号码"><span className="mono">{m.idNumber}</span></Descriptions.Item>
          <Descriptions.Item label="出生日期">{m.birthDate ? `${cnDate(m.birthDate)}（${age} 岁）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="籍贯">{dash(m.nativePlace)}</Descriptions.Item>
          <Descriptions.Item label="学历">{dash(m.education)}</Descriptions.Item>
          <Descriptions.Item label="入党日期">{cnDate(m.joinedOn)}</Descriptions.Item>
          <Descriptions.Item label="转正日期">{cnDate(m.confirmedOn)}</Descriptions.Item>
          <Descriptions.Item label="所在党支部">{dash(data.orgName)}</Descriptions.Item>
          <Descriptions.Item label="党小组">{dash(data.groupName)}</Descriptions.Item>
          <Descriptions.Item label="党籍状态">{STANDING_LABELS[m.standing]}{m.standingSince ? `（${cnDate(m.standingSince)}起）` : ''}</Descriptions.Item>
          <Descriptions.Item label="工作单位及职务" span={2}>{dash(m.employer)}</Descriptions.Item>
          <Descriptions.Item label="工作岗位">{dash(m.job)}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{dash(m.phone)}</Descriptions.Item>
          <Descriptions.Item label="现居住地" span={2}>{dash(m.address)}</Descriptions.Item>
          <Descriptions.Item label="分类" span={3}>
            {m.categories.length ? m.categories.map((c) => <Tag key={c}>{MEMBER_CATEGORY_LABELS[c]}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="特长">{dash(m.skills)}</Descriptions.Item>
          <Descriptions.Item label="失联时间">{dash(m.lostContactSince)}</Descriptions.Item>
          <Descriptions.Item label="备注">{dash(m.note)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ExtraFields memberId={m.id} />
      <Card size="small" className="block-gap">
        <Tabs
          items={[
            {
              key: 'history',
              label: `历史记录（${data.history.length}）`,
              children: data.history.length ? (
                <Timeline
                  className="history"
                  items={data.history.map((e) => ({
                    color: e.type === 'transferOut' || e.type === 'standingChanged' ? 'red' : e.type === 'fieldsUpdated' ? 'gray' : 'blue',
                    content: (
                      <div data-testid="history-item" className={e.voidedAt ? 'history-voided' : undefined}>
                        <span className="history-date" style={e.voidedAt ? { textDecoration: 'line-through' } : undefined}>{e.date}</span>
                        <b style={e.voidedAt ? { textDecoration: 'line-through' } : undefined}>{MEMBER_EVENT_LABELS[e.type] ?? e.type}</b>
                        <span style={e.voidedAt ? { textDecoration: 'line-through' } : undefined}>　{describe(e)}</span>
                        {e.voidedAt && <Tag color="default" style={{ marginLeft: 8 }}>已作废：{e.voidReason ?? '录入错误'}</Tag>}
                        {isAdmin && !e.voidedAt && VOIDABLE_EVENTS.has(e.type) && (
                          <Space size={0} style={{ marginLeft: 8 }}>
                            {!changesMembership(e) && <Button size="small" type="link" onClick={() => open(correctDateSpec({ id: e.id, date: e.date, label: MEMBER_EVENT_LABELS[e.type] ?? e.type }))}>改日期</Button>}
                            <Button size="small" type="link" danger onClick={() => open(voidEventSpec({ id: e.id, date: e.date, label: MEMBER_EVENT_LABELS[e.type] ?? e.type }))}>作废</Button>
                          </Space>
                        )}
                        {e.note && <div className="history-note">备注：{e.note}</div>}
                        {changeLines(e, orgName).map((l) => (
                          <div key={l} className="history-note">{l}</div>
                        ))}
                      </div>
                    ),
                  }))}
                />
              ) : (
                <Empty description="暂无历史记录" />
              ),
            },
            {
              key: 'posts',
              label: `岗位与联系户（${data.posts.filter((p) => !p.toDate).length + data.households.filter((h) => !h.toDate).length}）`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size="middle">
                  <Table
                    size="small" rowKey="id" pagination={false} dataSource={data.posts}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未认领岗位：在“办理业务”中选择“设岗定责”。" /> }}
                    columns={[
                      { title: '岗位', dataIndex: 'postName' },
                      { title: '上岗日期', dataIndex: 'fromDate', width: 120 },
                      { title: '离岗日期', dataIndex: 'toDate', width: 120, render: (v) => v ?? '在岗' },
                      { title: '承诺', dataIndex: 'pledge', render: (v) => v ?? '—' },
                      {
                        title: '', key: 'a', width: 90,
                        render: (_v, r) => !r.toDate && <Button size="small" type="link" onClick={() => open(endSpec(`离开“${r.postName}”`, (date) => ledger['members.leavePost']({ memberPostId: r.id, date }), '已离岗'))}>离岗</Button>,
                      },
                    ]}
                  />
                  <Table
                    size="small" rowKey="id" pagination={false} dataSource={data.households}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无党员联系户：在“办理业务”中添加。" /> }}
                    columns={[
                      { title: '联系户户主', dataIndex: 'head' },
                      { title: '住址', dataIndex: 'addressLine', render: (v) => v || '—' },
                      { title: '电话', dataIndex: 'phone', render: (v) => v ?? '—' },
                      { title: '开始', dataIndex: 'fromDate', width: 110 },
                      { title: '结束', dataIndex: 'toDate', width: 110, render: (v) => v ?? '联系中' },
                      {
                        title: '', key: 'a', width: 90,
                        render: (_v, r) => !r.toDate && <Button size="small" type="link" onClick={() => open(endSpec(`结束联系户“${r.head}”`, (date) => ledger['households.endLink']({ id: r.id, date }), '已结束'))}>结束</Button>,
                      },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'mobile',
              label: `流动与报到（${data.mobile.length + data.residents.length}）`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size="middle">
                  <Table
                    size="small" rowKey="id" pagination={false} dataSource={data.mobile}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有流动记录" /> }}
                    columns={[
                      { title: '方向', dataIndex: 'direction', width: 70, render: (v) => (v === 'out' ? '流出' : '流入') },
                      { title: '地点', dataIndex: 'place' },
                      { title: '工作单位', dataIndex: 'unit', render: (v) => v ?? '—' },
                      { title: '活动证编号', dataIndex: 'cardNumber', render: (v) => v ?? '—' },
                      { title: '联系电话', dataIndex: 'contactPhone', render: (v) => v ?? '—' },
                      { title: '开始', dataIndex: 'fromDate', width: 110 },
                      { title: '结束', dataIndex: 'toDate', width: 110, render: (v) => v ?? '流动中' },
                    ]}
                  />
                  <Table
                    size="small" rowKey="id" pagination={false} dataSource={data.residents}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有在职党员报到记录" /> }}
                    columns={[
                      { title: '报到社区', dataIndex: 'communityName' },
                      { title: '单位党组织', dataIndex: 'unitOrg', render: (v) => v ?? '—' },
                      { title: '副科级以上', dataIndex: 'isCadre', width: 96, render: (v) => (v ? '是' : '否') },
                      { title: '服务意向', dataIndex: 'serviceIntent', render: (v) => v ?? '—' },
                      { title: '报到日期', dataIndex: 'registeredOn', width: 110 },
                      { title: '结束', dataIndex: 'endedOn', width: 110, render: (v) => v ?? '—' },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'appraisals',
              label: `民主评议（${data.appraisals.length}）`,
              children: (
                <Table
                  size="small" rowKey="year" pagination={false} dataSource={data.appraisals}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有民主评议结果" /> }}
                  columns={[
                    { title: '年度', dataIndex: 'year', width: 90 },
                    { title: '评议结果', dataIndex: 'grade', render: (v: keyof typeof APPRAISAL_GRADE_LABELS | null) => (v ? APPRAISAL_GRADE_LABELS[v] : '参加评议（预备党员不定等次）') },
                    { title: '评议组织', dataIndex: 'orgName' },
                    { title: '评议日期', dataIndex: 'appraisedOn', width: 120 },
                  ]}
                />
              ),
            },
            { key: 'commendations', label: '表彰', children: <CommendationsOf memberId={m.id} /> },
          ]}
        />
      </Card>
      <ActionDialog spec={action} onClose={() => setAction(null)} onDone={() => { setAction(null); reload(); }} />
      <MemberForm mode={formMode} onClose={() => setFormMode(null)} onSaved={() => { setFormMode(null); reload(); }} />
    </div>
  );
}
