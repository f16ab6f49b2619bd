// 设岗定责: the posts of the org chosen in the tree (and the street-wide ones) with duties and how
// many holders each wants; 认领 (a member applies and is assigned, with a pledge), 离岗, and the
// year's 考核评岗 of each holder. Posts are created, edited and retired (kept with the date) here.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { PostBoardEntry, PostHolderEntry } from '../../../shared/api/posts';
import { POST_REVIEW_LABELS, POST_REVIEW_RESULTS, type PostReviewResult } from '../../../shared/domain/posts';
import { ledger } from '../../api';
import { ActionDialog, type ActionSpec } from '../../components/ActionDialog';
import { toIso } from '../../format';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import './posts.css';

const THIS_YEAR = dayjs().year();
const REVIEW_COLORS: Record<PostReviewResult, string> = { excellent: 'red', competent: 'green', basic: 'gold', incompetent: 'default' };
const iso = (d: Dayjs) => toIso(d)!;

function postSpec(orgId: number | null, orgName: string | null, post: PostBoardEntry | null): ActionSpec<{ street: boolean; name: string; duty?: string; capacity?: number | null }> {
  return {
    title: post ? `修改岗位：${post.name}` : '新设岗位',
    initial: post ? { name: post.name, duty: post.duty ?? undefined, capacity: post.capacity } : { street: orgId === null },
    fields: (
      <>
        {!post && orgId !== null && (
          <Form.Item label="设在" name="street">
            <Radio.Group options={[{ value: false, label: orgName ?? '' }, { value: true, label: '全街道（各支部党员都可认领）' }]} />
          </Form.Item>
        )}
        <Form.Item label="岗位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写岗位名称' }]}>
          <Input maxLength={30} placeholder="如：楼道长岗" />
        </Form.Item>
        <Form.Item label="岗位职责" name="duty">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item label="设岗人数" name="capacity" extra="不填则不限人数">
          <InputNumber min={1} max={999} precision={0} style={{ width: 160 }} suffix="人" />
        </Form.Item>
      </>
    ),
    run: (v) => {
      const body = { name: v.name, duty: v.duty ?? null, capacity: v.capacity ?? null };
      return post ? ledger['posts.update']({ id: post.id, ...body }) : ledger['posts.create']({ orgId: v.street || orgId === null ? null : orgId, ...body });
    },
    success: post ? '已修改岗位' : '已新设岗位',
  };
}

function retireSpec(post: PostBoardEntry): ActionSpec<{ date: Dayjs }> {
  return {
    title: `撤岗：${post.name}`,
    okText: '撤岗',
    danger: true,
    initial: { date: dayjs() },
    fields: (
      <Form.Item label="撤岗日期" name="date" rules={[{ required: true, message: '请选择撤岗日期' }]} extra="撤岗后不能再认领；以前年度的台帐照常打印这个岗位。">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    ),
    run: (v) => ledger['posts.retire']({ id: post.id, date: iso(v.date) }),
    success: `已撤岗“${post.name}”`,
  };
}

function assignSpec(post: PostBoardEntry, members: { id: number; name: string; orgName: string | null }[]): ActionSpec<{ memberId: number; appliedOn?: Dayjs; fromDate: Dayjs; pledge?: string }> {
  return {
    title: `认领岗位：${post.name}`,
    initial: { fromDate: dayjs() },
    fields: (
      <>
        <Form.Item label="党员" name="memberId" rules={[{ required: true, message: '请选择党员' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="输入姓名查找"
            options={members.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName ?? ''}）` }))}
          />
        </Form.Item>
        <Space size={12}>
          <Form.Item label="申报日期" name="appliedOn"><DatePicker /></Form.Item>
          <Form.Item label="上岗日期" name="fromDate" rules={[{ required: true, message: '请选择上岗日期' }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item label="承诺事项" name="pledge">
          <Input.TextArea rows={2} maxLength={200} placeholder="如：每月走访联系户不少于 2 次" />
        </Form.Item>
      </>
    ),
    run: (v) => ledger['members.assignPost']({ id: v.memberId, postId: post.id, appliedOn: toIso(v.appliedOn) ?? null, fromDate: iso(v.fromDate), pledge: v.pledge ?? null, note: null }),
    success: '已认领岗位',
  };
}

function reviewSpec(post: PostBoardEntry, h: PostHolderEntry, year: number): ActionSpec<{ result: PostReviewResult; note?: string; reviewedOn: Dayjs }> {
  const end = dayjs(`${year}-12-31`);
  return {
    title: `${year}年考核评岗：${h.name}（${post.name}）`,
    initial: h.review ? { result: h.review.result, note: h.review.note ?? undefined, reviewedOn: dayjs(h.review.reviewedOn) } : { reviewedOn: dayjs().isAfter(end) ? end : dayjs() },
    fields: (
      <>
        {h.pledge && <Typography.Paragraph type="secondary">承诺：{h.pledge}</Typography.Paragraph>}
        <Form.Item label="评岗结果" name="result" rules={[{ required: true, message: '请选择评岗结果' }]}>
          <Radio.Group optionType="button" options={POST_REVIEW_RESULTS.map((r) => ({ value: r, label: POST_REVIEW_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="评岗意见" name="note">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item label="评岗日期" name="reviewedOn" rules={[{ required: true, message: '请选择评岗日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </>
    ),
    run: (v) => ledger['posts.review']({ memberPostId: h.memberPostId, year, result: v.result, note: v.note ?? null, reviewedOn: iso(v.reviewedOn) }),
    success: '已记录评岗结果',
  };
}

function leaveSpec(post: PostBoardEntry, h: PostHolderEntry): ActionSpec<{ date: Dayjs }> {
  return {
    title: `离岗：${h.name}（${post.name}）`,
    initial: { date: dayjs() },
    fields: (
      <Form.Item label="离岗日期" name="date" rules={[{ required: true, message: '请选择离岗日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    ),
    run: (v) => ledger['members.leavePost']({ memberPostId: h.memberPostId, date: iso(v.date) }),
    success: '已办理离岗',
  };
}

export default function PostsPage() {
  const { orgId, byId, subtree } = useOrgs();
  const [year, setYear] = useState(THIS_YEAR);
  const [showRetired, setShowRetired] = useState(false);
  const [action, setAction] = useState<ActionSpec<never> | null>(null);
  const { data: board, loading, reload } = useLoad(() => ledger['posts.board']({ orgId, year, includeRetired: showRetired }), [orgId, year, showRetired]);
  const { data: allMembers } = useLoad(() => ledger['members.list']({}), []);
  const orgName = orgId === null ? null : (byId.get(orgId)?.name ?? null);
  const members = useMemo(() => {
    const scope = orgId === null ? null : subtree(orgId);
    return (allMembers ?? []).filter((m) => m.standing === 'normal' && m.orgId !== null && (!scope || scope.has(m.orgId)));
  }, [allMembers, orgId, subtree]);
  const open = <V extends object>(s: ActionSpec<V>) => setAction(s as unknown as ActionSpec<never>);
  const postMembers = (p: PostBoardEntry) => (p.orgId === null ? members : members.filter((m) => m.orgId !== null && subtree(p.orgId!).has(m.orgId)));

  const holderColumns = (p: PostBoardEntry): ColumnsType<PostHolderEntry> => [
    { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, h) => <a href={`#/members/${h.memberId}`}>{v}</a> },
    { title: '所在党支部', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '申报日期', dataIndex: 'appliedOn', width: 104, render: (v: string | null) => v ?? '—' },
    { title: '上岗日期', dataIndex: 'fromDate', width: 104, render: (v: string, h) => (h.toDate ? `${v} 至 ${h.toDate}` : v) },
    { title: '承诺事项', dataIndex: 'pledge', render: (v: string | null) => v ?? '—' },
    {
      title: `${year}年评岗`, key: 'review', width: 170,
      render: (_: unknown, h) => (h.review ? <span><Tag color={REVIEW_COLORS[h.review.result]}>{POST_REVIEW_LABELS[h.review.result]}</Tag>{h.review.note}</span> : <span className="muted">未评</span>),
    },
    {
      title: '操作', key: 'ops', width: 110,
      render: (_: unknown, h) => (
        <Space size={8}>
          <a onClick={() => open(reviewSpec(p, h, year))}>评岗</a>
          {!h.toDate && <a onClick={() => open(leaveSpec(p, h))}>离岗</a>}
        </Space>
      ),
    },
  ];

  const columns: ColumnsType<PostBoardEntry> = [
    { title: '岗位', dataIndex: 'name', width: 130, render: (v: string, p) => <span className="post-name">{v}{p.retiredOn && <Tag className="post-tag">{p.retiredOn} 撤岗</Tag>}</span> },
    { title: '设在', dataIndex: 'orgName', width: 150, ellipsis: true, render: (v: string | null) => v ?? '全街道' },
    { title: '岗位职责', dataIndex: 'duty', render: (v: string | null) => v ?? <span className="muted">未填写</span> },
    { title: '在岗 / 设岗', key: 'count', width: 96, align: 'center', render: (_: unknown, p) => `${p.current} / ${p.capacity ?? '不限'}` },
    { title: `${year}年认岗`, key: 'holders', width: 84, align: 'center', render: (_: unknown, p) => p.holders.length },
    {
      title: '操作', key: 'ops', width: 150,
      render: (_: unknown, p) => !p.retiredOn && (
        <Space size={8}>
          <a onClick={() => open(assignSpec(p, postMembers(p)))}>认领</a>
          <a onClick={() => open(postSpec(orgId, orgName, p))}>编辑</a>
          <a className="danger-link" onClick={() => open(retireSpec(p))}>撤岗</a>
        </Space>
      ),
    },
  ];

  return (
    <div className="posts-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>设岗定责</Typography.Title>
          <span className="page-subtitle">{orgName ?? '全街道'}</span>
        </Space>
        <Space>
          <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 6 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 100 }} />
          <Radio.Group value={showRetired} onChange={(e) => setShowRetired(e.target.value)} optionType="button" options={[{ value: false, label: '现有岗位' }, { value: true, label: '含已撤岗' }]} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(postSpec(orgId, orgName, null))}>新设岗位</Button>
        </Space>
      </div>
      <Card size="small">
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={board ?? []}
          columns={columns}
          expandable={{
            rowExpandable: (p) => p.holders.length > 0,
            expandedRowRender: (p) => <Table size="small" rowKey="memberPostId" pagination={false} dataSource={p.holders} columns={holderColumns(p)} />,
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有岗位：点击“新设岗位”。" /> }}
        />
      </Card>
      <ActionDialog spec={action} onClose={() => setAction(null)} onDone={() => { setAction(null); reload(); }} />
    </div>
  );
}
