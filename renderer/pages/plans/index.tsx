// 计划与总结: "年初有计划、月度有安排、年终有总结" for the org chosen in the tree — the year's plan and
// summary (text and/or a file kept in the ledger), the monthly arrangements with what carried them
// out and a one-click 记录活动 prefilled from an arrangement — and, for any scope, the branches
// without a plan by 1 March or a summary by 31 December.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ArrangementEntry, PlanEntry } from '../../../shared/api/plans';
import { activityTypeLabel } from '../../../shared/domain/activity-types';
import { PLAN_KIND_LABELS, type PlanKind, planDeadline } from '../../../shared/domain/posts';
import { ledger } from '../../api';
import { ActionDialog, type ActionSpec } from '../../components/ActionDialog';
import { fileSize, saveBase64 } from '../../download';
import { attempt, showError } from '../../feedback';
import { cnDate, toIso } from '../../format';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import { MAX_FILE_BYTES, bytesToBase64 } from '../activities/Attachments';
import { newActivityHref } from '../activities/CellDrawer';
import { PlanGaps } from './PlanGaps';
import './plans.css';

const THIS_YEAR = dayjs().year();

function planSpec(orgId: number, orgName: string, year: number, kind: PlanKind, entry: PlanEntry | null): ActionSpec<{ title: string; submittedOn: Dayjs; content?: string; file?: File[] }> {
  const label = PLAN_KIND_LABELS[kind];
  return {
    title: `${year}年${label}：${orgName}`,
    width: 720,
    initial: entry
      ? { title: entry.title, submittedOn: dayjs(entry.submittedOn), content: entry.content ?? undefined, file: [] }
      : { title: `${orgName}${year}年党建工作${kind === 'plan' ? '计划' : '总结'}`, submittedOn: dayjs(), file: [] },
    fields: (
      <>
        <Row gutter={12}>
          <Col span={16}><Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}><Input maxLength={60} /></Form.Item></Col>
          <Col span={8}><Form.Item label="报送日期" name="submittedOn" rules={[{ required: true, message: '请选择报送日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item label="正文" name="content" extra={`可只上传文件（Word、PDF 或扫描件），也可两者都有。应于 ${cnDate(planDeadline(kind, year))} 前报送。`}>
          <Input.TextArea rows={10} maxLength={20000} />
        </Form.Item>
        <Form.Item label={entry?.file ? `文件（已有：${entry.file.fileName}，上传新文件将替换）` : '文件'} name="file" valuePropName="fileList" getValueFromEvent={(e: { fileList: unknown[] }) => e.fileList.slice(-1)}>
          <Upload beforeUpload={() => false} maxCount={1} accept=".doc,.docx,.pdf,.wps,.jpg,.jpeg,.png">
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </>
    ),
    run: async (v) => {
      const picked = (v.file?.[0] as unknown as { originFileObj?: File } | undefined)?.originFileObj;
      if (picked && picked.size > MAX_FILE_BYTES) throw new Error(`“${picked.name}”超过 20 MB，请压缩后再上传。`);
      const file = picked ? { fileName: picked.name, dataBase64: bytesToBase64(await picked.arrayBuffer()) } : undefined;
      return ledger['plans.save']({ orgId, year, kind, title: v.title, submittedOn: toIso(v.submittedOn)!, content: v.content ?? null, file });
    },
    success: `已保存${label}`,
  };
}

function PlanCard({ kind, entry, year, onEdit }: { kind: PlanKind; entry: PlanEntry | null; year: number; onEdit: () => void }) {
  const label = PLAN_KIND_LABELS[kind];
  const download = (id: number) => ledger['plans.file']({ id }).then((f) => saveBase64(f.dataBase64, f.fileName, f.mime)).catch(showError);
  const overdue = !entry && dayjs().format('YYYY-MM-DD') > planDeadline(kind, year);
  return (
    <Card
      size="small"
      className="block-gap plan-card"
      title={<Space>{label}{entry?.late && <Tag color="orange">逾期报送</Tag>}{overdue && <Tag color="red">未报送</Tag>}</Space>}
      extra={<Button size="small" type={entry ? 'default' : 'primary'} onClick={onEdit}>{entry ? '修改' : `填写${label}`}</Button>}
    >
      {entry ? (
        <>
          <Typography.Text strong>{entry.title}</Typography.Text>
          <span className="muted plan-date">　报送日期：{cnDate(entry.submittedOn)}</span>
          {entry.content && <div className="plan-text">{entry.content}</div>}
          {entry.file && (
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(entry.id)}>{entry.file.fileName}（{fileSize(entry.file.size)}）</Button>
          )}
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年${label}还没有报送（应于 ${cnDate(planDeadline(kind, year))} 前）`} />
      )}
    </Card>
  );
}

function arrangementSpec(orgId: number, year: number, types: { code: string; label: string }[]): ActionSpec<{ month: Dayjs; title: string; activityType?: string; plannedOn?: Dayjs; note?: string }> {
  const month = dayjs().year() === year ? dayjs() : dayjs(`${year}-01-01`);
  return {
    title: '新增月度工作安排',
    initial: { month },
    fields: (
      <>
        <Space size={12} align="start">
          <Form.Item label="月份" name="month" rules={[{ required: true, message: '请选择月份' }]}><DatePicker picker="month" /></Form.Item>
          <Form.Item label="计划日期" name="plannedOn"><DatePicker /></Form.Item>
        </Space>
        <Form.Item label="工作安排" name="title" rules={[{ required: true, whitespace: true, message: '请填写工作安排' }]}><Input maxLength={100} placeholder="如：七一主题党日 重温入党誓词" /></Form.Item>
        <Form.Item label="活动类型" name="activityType" extra="选了类型，本月记录了这类活动即算落实。">
          <Select allowClear options={types.map((t) => ({ value: t.code, label: t.label }))} />
        </Form.Item>
        <Form.Item label="备注" name="note"><Input maxLength={300} /></Form.Item>
      </>
    ),
    run: (v) => ledger['plans.addArrangement']({ orgId, month: v.month.format('YYYY-MM'), title: v.title, activityType: v.activityType ?? null, plannedOn: toIso(v.plannedOn), note: v.note ?? null }),
    success: '已新增月度安排',
  };
}

function OrgYear({ orgId, orgName, year }: { orgId: number; orgName: string; year: number }) {
  const { data, loading, reload } = useLoad(() => ledger['plans.year']({ orgId, year }), [orgId, year]);
  const { data: types } = useLoad(() => ledger['activities.types']({}), []);
  const [action, setAction] = useState<ActionSpec<never> | null>(null);
  const open = <V extends object>(s: ActionSpec<V>) => setAction(s as unknown as ActionSpec<never>);
  const record = (a: ArrangementEntry) =>
    navigate(newActivityHref({ orgId, type: a.activityType ?? undefined, date: a.plannedOn ?? `${a.month}-01`, topic: a.title, back: window.location.hash.slice(1) }));
  const cancel = (a: ArrangementEntry) => void attempt(() => ledger['plans.voidArrangement']({ id: a.id, reason: null })).then(reload);

  return (
    <>
      <Row gutter={12}>
        <Col span={12}><PlanCard kind="plan" entry={data?.plan ?? null} year={year} onEdit={() => open(planSpec(orgId, orgName, year, 'plan', data?.plan ?? null))} /></Col>
        <Col span={12}><PlanCard kind="summary" entry={data?.summary ?? null} year={year} onEdit={() => open(planSpec(orgId, orgName, year, 'summary', data?.summary ?? null))} /></Col>
      </Row>
      <Card size="small" title="月度工作安排" extra={<Button size="small" icon={<PlusOutlined />} onClick={() => open(arrangementSpec(orgId, year, types ?? []))}>新增安排</Button>}>
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={data?.arrangements ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有月度安排：点击“新增安排”。" /> }}
          columns={[
            { title: '月份', dataIndex: 'month', width: 70, render: (m: string) => `${Number(m.slice(5))}月` },
            { title: '工作安排', dataIndex: 'title' },
            { title: '活动类型', dataIndex: 'activityType', width: 120, render: (t: string | null) => (t ? activityTypeLabel(t, types ?? undefined) : '—') },
            { title: '计划日期', dataIndex: 'plannedOn', width: 110, render: (d: string | null) => d ?? '—' },
            {
              title: '落实情况', key: 'done',
              render: (_: unknown, a: ArrangementEntry) => a.activities.length
                ? a.activities.map((x) => <div key={x.id}><a href={`#/activities/${x.id}`}>{x.date} {x.topic}</a></div>)
                : <Space size={8}><Tag>未落实</Tag><a onClick={() => record(a)}>记录活动</a></Space>,
            },
            {
              title: '操作', key: 'ops', width: 70,
              render: (_: unknown, a: ArrangementEntry) => (
                <Popconfirm title="取消这条安排？" okText="取消安排" cancelText="不取消" onConfirm={() => cancel(a)}><a className="danger-link">取消</a></Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <ActionDialog spec={action} onClose={() => setAction(null)} onDone={() => { setAction(null); reload(); }} />
    </>
  );
}

export default function PlansPage() {
  const { orgId, byId, pathName } = useOrgs();
  const [year, setYear] = useState(THIS_YEAR);
  const org = orgId === null ? undefined : byId.get(orgId);
  return (
    <div className="plans-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>计划与总结</Typography.Title>
          <span className="page-subtitle">{orgId !== null ? pathName(orgId) : '全街道'}</span>
        </Space>
        <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 6 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 100 }} />
      </div>
      <PlanGaps orgId={orgId} year={year} />
      {org && org.type !== 'group' ? (
        <OrgYear key={org.id} orgId={org.id} orgName={org.name} year={year} />
      ) : (
        <Card><Empty description={org ? '党小组的计划和总结由所在党支部报送：请在左侧选择党支部。' : '在左侧选择一个党组织，查看和填写它的年度计划、月度安排和年终总结。'} /></Card>
      )}
    </div>
  );
}
