// 组织: the org chosen in the tree — its facts, committee and term, 十有, partners, members by
// kind, sub-orgs and history — with create, edit, move and dissolve.
import { ApartmentOutlined, DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Result, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { OrgDetail } from '../../../shared/api/orgs';
import { CHILD_TYPES, COMMITTEE_ROLE_LABELS, FACILITIES, ORG_CATEGORY_LABELS, ORG_TYPE_LABELS, type FacilityCode } from '../../../shared/domain/org';
import { ledger } from '../../api';
import { ActionDialog, type ActionSpec } from '../../components/ActionDialog';
import { OrgPicker } from '../../components/OrgPicker';
import { attempt, showError, showSuccess } from '../../feedback';
import { cnDate, cnTime, dash, toIso } from '../../format';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate, useLocation } from '../../router';
import { CommendationsOf } from '../commendations/CommendationTable';
import { ElectForm } from './ElectForm';
import { OrgForm, type OrgFormMode } from './OrgForm';
import './orgs.css';

export default function OrgsPage() {
  const { orgId, orgs, setOrgId, reload: reloadTree, loading } = useOrgs();
  const { query } = useLocation();
  const [formMode, setFormMode] = useState<OrgFormMode | null>(null);
  const committee = orgs.find((o) => o.type === 'committee');
  const shownId = orgId ?? committee?.id ?? null;

  useEffect(() => {
    if (query.get('new') === '1' && !loading) {
      setFormMode({ kind: 'create', parentId: shownId });
      navigate('/orgs', { replace: true });
    }
  }, [query, loading, shownId]);

  const saved = async (id: number) => {
    setFormMode(null);
    await reloadTree();
    setOrgId(id);
  };

  if (loading && orgs.length === 0) return <Spin size="large" className="page-spin" />;
  return (
    <>
      {shownId === null ? (
        <Result
          icon={<ApartmentOutlined />}
          title="还没有建立党组织"
          subTitle="先建立街道党工委，再在它下面建立社区党委、党总支和党支部；也可以从花名册批量导入。"
          extra={
            <Space>
              <Button type="primary" onClick={() => setFormMode({ kind: 'create', parentId: null })}>建立街道党工委</Button>
              <Button onClick={() => navigate('/import')}>批量导入</Button>
            </Space>
          }
        />
      ) : (
        <OrgView key={shownId} id={shownId} onCreateChild={(parentId) => setFormMode({ kind: 'create', parentId })} onEdit={(org) => setFormMode({ kind: 'edit', org })} />
      )}
      <OrgForm mode={formMode} onClose={() => setFormMode(null)} onSaved={(id) => void saved(id)} />
    </>
  );
}

function termAlert(d: OrgDetail) {
  if (d.org.type === 'group' || d.org.dissolvedOn) return null;
  if (!d.term) return <Alert type="info" showIcon title="还没有录入班子和任期" description="点击“换届”录入本届班子成员和选举日期，系统会在届满前 6 个月提醒。" />;
  if (d.term.state === 'expired') return <Alert type="error" showIcon title={`本届任期已于 ${cnDate(d.term.expiresOn)} 届满，请及时换届。`} />;
  if (d.term.state === 'expiringSoon') return <Alert type="warning" showIcon title={`本届任期将于 ${cnDate(d.term.expiresOn)} 届满（还有约 ${Math.max(0, Math.floor(d.term.monthsLeft ?? 0))} 个月），请做好换届准备。`} />;
  return null;
}

function OrgView({ id, onCreateChild, onEdit }: { id: number; onCreateChild: (parentId: number) => void; onEdit: (org: OrgDetail['org']) => void }) {
  const { data: d, loading, reload } = useLoad(() => ledger['orgs.get']({ id }), [id]);
  const { reload: reloadTree, setOrgId } = useOrgs();
  const [electing, setElecting] = useState(false);
  const [moving, setMoving] = useState(false);
  const [action, setAction] = useState<ActionSpec<never> | null>(null);
  const [savingFacilities, setSavingFacilities] = useState(false);

  if (!d) return loading ? <Spin size="large" className="page-spin" /> : <Result status="404" title="找不到这个党组织" />;
  const o = d.org;
  const live = !o.dissolvedOn;
  const canHaveChildren = CHILD_TYPES[o.type].length > 0;

  const toggleFacility = async (code: FacilityCode, on: boolean) => {
    setSavingFacilities(true);
    const facilities = on ? [...o.facilities, code] : o.facilities.filter((f) => f !== code);
    const { id: _id, parentId: _p, type: _t, dissolvedOn: _d, ...rest } = o;
    await attempt(() => ledger['orgs.update']({ id: o.id, patch: { ...rest, facilities } }));
    setSavingFacilities(false);
    reload();
  };

  const dissolveSpec: ActionSpec<{ date: Dayjs; note?: string }> = {
    title: `撤销：${o.name}`,
    okText: '撤销',
    danger: true,
    initial: { date: dayjs() },
    confirm: () => `确认撤销“${o.name}”？撤销后不再出现在组织树中，历史记录保留。`,
    fields: (
      <>
        <Alert type="warning" showIcon className="block-gap" title="撤销前请先把党员转到其他支部、撤销或调整下级组织。" />
        <Form.Item label="撤销日期" name="date" rules={[{ required: true, message: '请选择撤销日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="撤销原因 / 批复文号" name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </>
    ),
    run: (v) => ledger['orgs.dissolve']({ id: o.id, date: toIso(v.date)!, note: v.note ?? null }),
    success: `已撤销“${o.name}”`,
  };

  const partnerSpec: ActionSpec<{ name: string; contact?: string; phone?: string; since?: Dayjs; content?: string }> = {
    title: `新增共建单位：${o.name}`,
    initial: { since: dayjs() },
    fields: (
      <>
        <Form.Item label="共建单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写共建单位名称' }]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="联系人" name="contact"><Input maxLength={20} /></Form.Item></Col>
          <Col span={12}><Form.Item label="联系电话" name="phone"><Input maxLength={40} /></Form.Item></Col>
        </Row>
        <Form.Item label="开始共建日期" name="since"><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item label="共建内容" name="content"><Input.TextArea rows={3} maxLength={500} /></Form.Item>
      </>
    ),
    run: (v) => ledger['orgs.addPartner']({ orgId: o.id, partner: { name: v.name, contact: v.contact ?? null, phone: v.phone ?? null, since: toIso(v.since), content: v.content ?? null } }),
    success: '已新增共建单位',
  };

  const endPartnerSpec = (p: OrgDetail['partners'][number]): ActionSpec<{ date: Dayjs }> => ({
    title: `结束共建：${p.name}`,
    initial: { date: dayjs() },
    fields: (
      <Form.Item label="结束日期" name="date" rules={[{ required: true, message: '请选择结束日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    ),
    run: (v) => ledger['orgs.endPartner']({ partnerId: p.id, date: toIso(v.date)! }),
    success: '已结束共建',
  });

  const open = <V extends object>(s: ActionSpec<V>) => setAction(s as unknown as ActionSpec<never>);
  const facilityCount = o.facilities.length;

  return (
    <div className="org-view">
      <div className="page-header">
        <Space align="center" size={10} wrap>
          <Typography.Title level={4}>{o.name}</Typography.Title>
          <Tag color="red">{ORG_TYPE_LABELS[o.type]}</Tag>
          {o.category && <Tag>{ORG_CATEGORY_LABELS[o.category]}</Tag>}
          {o.dissolvedOn && <Tag color="default">已于 {o.dissolvedOn} 撤销</Tag>}
          {d.parentName && <span className="page-subtitle">上级：{d.parentName}</span>}
        </Space>
        {live && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onEdit(o)}>编辑</Button>
            {canHaveChildren && <Button icon={<PlusOutlined />} onClick={() => onCreateChild(o.id)}>新建下级组织</Button>}
            {o.type !== 'committee' && <Button icon={<DragOutlined />} onClick={() => setMoving(true)}>调整隶属</Button>}
            {o.type !== 'committee' && <Button danger icon={<DeleteOutlined />} onClick={() => open(dissolveSpec)}>撤销</Button>}
          </Space>
        )}
      </div>
      {live && d.settingIssues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="block-gap setting-issues"
          title="组织设置提示（《中国共产党支部工作条例（试行）》）"
          description={<ul>{d.settingIssues.map((i) => <li key={i.rule}>{i.message}</li>)}</ul>}
        />
      )}
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small" title="基本情况" className="block-gap">
            <Descriptions size="small" column={2} styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label="成立日期">{cnDate(o.foundedOn)}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{dash(o.phone)}</Descriptions.Item>
              <Descriptions.Item label="地址" span={2}>{dash(o.address)}</Descriptions.Item>
              <Descriptions.Item label="党建工作指导员">{o.instructor ? `${o.instructor}${o.instructorPhone ? `（${o.instructorPhone}）` : ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="每届任期">{o.termYears ? `${o.termYears} 年` : '—'}</Descriptions.Item>
              {o.units && <Descriptions.Item label="组成单位" span={2}>{o.units.split('\n').join('、')}</Descriptions.Item>}
              {o.note && <Descriptions.Item label="备注" span={2}>{o.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title="党员人数" className="block-gap" extra={<a href="#/members" onClick={() => setOrgId(o.id)}><TeamOutlined /> 花名册</a>}>
            <Row gutter={8}>
              <Col span={8}><Statistic title="合计" value={d.members.total} suffix="人" /></Col>
              <Col span={8}><Statistic title="正式党员" value={d.members.full} /></Col>
              <Col span={8}><Statistic title="预备党员" value={d.members.probationary} /></Col>
            </Row>
            {d.members.suspended > 0 && <Typography.Text type="secondary">其中停止党籍 {d.members.suspended} 人</Typography.Text>}
          </Card>
        </Col>
      </Row>
      {o.type !== 'group' && (
        <Card
          size="small"
          className="block-gap"
          title={d.term ? `班子成员（本届：${d.term.electedOn} 至 ${d.term.expiresOn}）` : '班子成员'}
          extra={live && <Button size="small" type="primary" ghost onClick={() => setElecting(true)}>换届</Button>}
        >
          {termAlert(d) && <div className="block-gap">{termAlert(d)}</div>}
          {d.roles.length > 0 ? (
            <div className="roles">
              {d.roles.map((r) => (
                <div key={r.id} className="role">
                  <span className="role-title">{r.role === 'other' && r.roleLabel ? r.roleLabel : COMMITTEE_ROLE_LABELS[r.role]}</span>
                  {r.memberId ? <a href={`#/members/${r.memberId}`}>{r.personName}</a> : r.personName}
                </div>
              ))}
            </div>
          ) : (
            d.term && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本届没有录入班子成员" />
          )}
          {d.pastTerms.length > 0 && (
            <Typography.Paragraph type="secondary" className="past-terms">
              往届：{d.pastTerms.map((t) => `${t.electedOn} 至 ${t.endedOn ?? t.expiresOn}`).join('；')}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" className="block-gap" title={`“十有”阵地建设（${facilityCount}/10）`} extra={savingFacilities && <Spin size="small" />}>
            <div className="facilities">
              {FACILITIES.map((f) => (
                <Checkbox key={f.code} checked={o.facilities.includes(f.code)} disabled={!live || savingFacilities} onChange={(e) => void toggleFacility(f.code, e.target.checked)}>
                  {f.label}
                </Checkbox>
              ))}
            </div>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" className="block-gap" title={`共建单位（${d.partners.filter((p) => !p.until).length}）`} extra={live && <Button size="small" onClick={() => open(partnerSpec)}>新增</Button>}>
            <List
              size="small"
              dataSource={d.partners}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有共建单位：点击“新增”登记。" /> }}
              renderItem={(p) => (
                <List.Item actions={!p.until && live ? [<a key="end" onClick={() => open(endPartnerSpec(p))}>结束</a>] : [<span key="u" className="muted">{p.until} 结束</span>]}>
                  <List.Item.Meta title={p.name} description={[p.contact, p.phone, p.since && `${p.since} 起`, p.content].filter(Boolean).join(' · ') || undefined} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" className="block-gap" title="表彰">
        <CommendationsOf orgId={o.id} />
      </Card>
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" className="block-gap" title={`下级组织（${d.children.filter((c) => !c.dissolvedOn).length}）`}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.children}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canHaveChildren ? '没有下级组织：点击上方“新建下级组织”。' : '党小组下不设组织'} /> }}
              columns={[
                { title: '名称', dataIndex: 'name', render: (v: string, c) => (c.dissolvedOn ? <span className="muted">{v}（{c.dissolvedOn} 撤销）</span> : <a onClick={() => setOrgId(c.id)}>{v}</a>) },
                { title: '类型', dataIndex: 'type', width: 100, render: (t: keyof typeof ORG_TYPE_LABELS) => ORG_TYPE_LABELS[t] },
                { title: '党员', dataIndex: 'memberCount', width: 64, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" className="block-gap" title="变更记录">
            <List
              size="small"
              dataSource={d.history}
              locale={{ emptyText: '暂无记录' }}
              renderItem={(h) => (
                <List.Item>
                  <span className="muted history-at">{cnTime(h.at)}</span> {h.summary} <span className="muted">（{h.userName}）</span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <ElectForm detail={d} open={electing} onClose={() => setElecting(false)} onSaved={() => { setElecting(false); reload(); }} />
      <MoveDialog detail={d} open={moving} onClose={() => setMoving(false)} onMoved={async () => { setMoving(false); await reloadTree(); reload(); }} />
      <ActionDialog
        spec={action}
        onClose={() => setAction(null)}
        onDone={async () => {
          const wasDissolve = action?.title.startsWith('撤销');
          setAction(null);
          if (wasDissolve) {
            await reloadTree();
            setOrgId(o.parentId);
          } else reload();
        }}
      />
    </div>
  );
}

function MoveDialog({ detail, open, onClose, onMoved }: { detail: OrgDetail; open: boolean; onClose: () => void; onMoved: () => void }) {
  const [parentId, setParentId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const { byId, subtree } = useOrgs();
  const exclude = subtree(detail.org.id);
  const move = async () => {
    if (parentId === null) return;
    setBusy(true);
    try {
      await ledger['orgs.move']({ id: detail.org.id, parentId });
      showSuccess(`已将“${detail.org.name}”调整到“${byId.get(parentId)?.name}”下`);
      onMoved();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={`调整隶属关系：${detail.org.name}`} open={open} onCancel={onClose} onOk={() => void move()} okText="调整" cancelText="取消" okButtonProps={{ disabled: parentId === null, loading: busy }} destroyOnHidden>
      <Typography.Paragraph>现在隶属：{detail.parentName}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">选择新的上级组织（只能选可以设立{ORG_TYPE_LABELS[detail.org.type]}的组织）：</Typography.Paragraph>
      <OrgPicker value={parentId} onChange={setParentId} exclude={exclude} selectable={(o) => CHILD_TYPES[o.type].includes(detail.org.type) && o.id !== detail.org.parentId} hideTypes={['group']} />
    </Modal>
  );
}
