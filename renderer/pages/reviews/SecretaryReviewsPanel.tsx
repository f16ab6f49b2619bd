// 述职评议: for a year, every 党委, 总支 and 支部 in the chosen scope with its secretary's 述职 (date,
// who reported, who attended, the report as a file) and the 评议 tallies of members and of residents'
// representatives. The assessment's 述职 and 满意度 indicators are computed from these records.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { SecretaryReviewRow } from '../../../shared/api/secretary-reviews';
import { RATERS, RATER_LABELS, RATINGS, RATING_LABELS, type Rater, type Tally, tallyWords } from '../../../shared/domain/secretary-review';
import { ledger } from '../../api';
import { attempt } from '../../feedback';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { Attachments } from '../activities/Attachments';
import { VoidButton } from '../../components/VoidButton';
import '../activities/activities.css';

/** The org and every org under it, from the tree the shell already holds. */
function useScopeIds(): Set<number> | null {
  const { orgs, orgId } = useOrgs();
  return useMemo(() => {
    if (orgId === null) return null;
    const ids = new Set([orgId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const o of orgs) if (o.parentId !== null && ids.has(o.parentId) && !ids.has(o.id)) { ids.add(o.id); grew = true; }
    }
    return ids;
  }, [orgs, orgId]);
}

/** 述职评议 of one year: a tab of 责任书与考核, whose year it follows. */
export function SecretaryReviewsPanel({ year }: { year: number }) {
  const { data, loading, reload } = useLoad(() => ledger['secretaryReviews.list']({ year }), [year]);
  const scope = useScopeIds();
  const rows = (data ?? []).filter((r) => !scope || scope.has(r.orgId));
  const [editing, setEditing] = useState<SecretaryReviewRow | null>(null);
  const done = rows.filter((r) => r.review?.reportedOn).length;

  const tallyCell = (who: Rater) => (_: unknown, r: SecretaryReviewRow) => (r.review?.[who] ? tallyWords(r.review[who]) : <Typography.Text type="secondary">未评议</Typography.Text>);
  const columns: ColumnsType<SecretaryReviewRow> = [
    { title: '党组织', dataIndex: 'org', ellipsis: true },
    { title: '书记', key: 'secretary', width: 90, render: (_, r) => r.review?.secretary ?? r.secretary ?? '—' },
    { title: '述职日期', key: 'date', width: 110, render: (_, r) => (r.review?.reportedOn ? r.review.reportedOn : <Tag color="orange">未述职</Tag>) },
    { title: '党员评议', key: 'members', width: 250, render: tallyCell('members') },
    { title: '群众代表评议', key: 'residents', width: 250, render: tallyCell('residents') },
    { title: '述职报告', key: 'files', width: 90, render: (_, r) => (r.review?.attachments.length ? `${r.review.attachments.length} 个文件` : '—') },
    {
      title: '', key: 'act', width: 80,
      render: (_, r) => (
        <Button size="small" type="link" icon={r.review ? <EditOutlined /> : <PlusOutlined />} onClick={() => setEditing(r)} aria-label={`${r.org} ${r.review ? '修改' : '登记'}述职评议`}>
          {r.review ? '修改' : '登记'}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <Alert
        className="block-gap" type="info" showIcon
        title={`${year} 年度：${rows.length} 个党组织，已述职 ${done} 个。责任书考核中“书记述职”和“群众满意度”两项按这里的记录计算（满意率 =（好 + 较好）÷ 总票数，优先按群众代表评议）。`}
      />
      <Card size="small">
        <Table<SecretaryReviewRow> size="small" rowKey="orgId" columns={columns} dataSource={rows} loading={loading} pagination={false} />
      </Card>
      {editing && <ReviewDialog row={editing} year={year} onClose={() => setEditing(null)} onSaved={reload} />}
    </div>
  );
}

type FormValues = { secretary?: string; reportedOn?: Dayjs | null; attendees?: string; note?: string } & Record<`${Rater}_${keyof Tally}`, number | null | undefined>;

function tallyFrom(v: FormValues, who: Rater): Tally | null {
  const t = Object.fromEntries(RATINGS.map((r) => [r, v[`${who}_${r}`] ?? null])) as Record<keyof Tally, number | null>;
  if (RATINGS.every((r) => t[r] === null)) return null;
  return { good: t.good ?? 0, fair: t.fair ?? 0, average: t.average ?? 0, poor: t.poor ?? 0 };
}

function ReviewDialog({ row, year, onClose, onSaved }: { row: SecretaryReviewRow; year: number; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const [review, setReview] = useState(row.review);
  const r = review;
  const initial: FormValues = {
    secretary: r?.secretary ?? row.secretary ?? undefined, reportedOn: r?.reportedOn ? dayjs(r.reportedOn) : null, attendees: r?.attendees ?? undefined, note: r?.note ?? undefined,
    ...(Object.fromEntries(RATERS.flatMap((w) => RATINGS.map((k) => [`${w}_${k}`, r?.[w]?.[k] ?? null]))) as Record<`${Rater}_${keyof Tally}`, number | null>),
  };
  const save = async () => {
    const v = await form.validateFields();
    const saved = await attempt(() => ledger['secretaryReviews.save']({
      orgId: row.orgId, year, secretary: v.secretary, reportedOn: v.reportedOn ? v.reportedOn.format('YYYY-MM-DD') : null, attendees: v.attendees, note: v.note,
      members: tallyFrom(v, 'members'), residents: tallyFrom(v, 'residents'),
    }), `已保存“${row.org}”${year} 年度述职评议`);
    if (saved) { setReview(saved); onSaved(); }
  };
  return (
    <Modal
      open width={720} title={`${row.org} · ${year} 年度书记述职评议`} onCancel={onClose} destroyOnHidden
      footer={(
        <Space>
          {r && <VoidButton what="这条述职评议记录" onVoid={async (reason) => { await ledger['secretaryReviews.void']({ id: r.id, reason }); onSaved(); onClose(); }} />}
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" onClick={() => void save()}>保存</Button>
        </Space>
      )}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space size="middle" wrap>
          <Form.Item name="secretary" label="述职人"><Input style={{ width: 140 }} aria-label="述职人" /></Form.Item>
          <Form.Item name="reportedOn" label="述职日期"><DatePicker aria-label="述职日期" /></Form.Item>
        </Space>
        <Form.Item name="attendees" label="参加人员"><Input.TextArea rows={2} placeholder="如：街道党工委 周明；党员 24 人；居民代表 20 人" aria-label="参加人员" /></Form.Item>
        {RATERS.map((who) => (
          <Form.Item key={who} label={`${RATER_LABELS[who]}（票数）`}>
            <Space wrap>
              {RATINGS.map((k) => (
                <Form.Item key={k} name={`${who}_${k}`} noStyle>
                  <InputNumber min={0} precision={0} addonBefore={RATING_LABELS[k]} style={{ width: 130 }} aria-label={`${RATER_LABELS[who]} ${RATING_LABELS[k]}`} />
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        ))}
        <Form.Item name="note" label="备注"><Input aria-label="备注" /></Form.Item>
      </Form>
      <Typography.Text strong>述职报告</Typography.Text>
      {r ? (
        <Attachments
          activityId={null} owner={{ kind: 'secretaryReview', id: r.id }} addLabel="添加述职报告" items={r.attachments} pending={[]} onPending={() => {}}
          onChanged={() => void ledger['secretaryReviews.list']({ year }).then((l) => { setReview(l.find((x) => x.orgId === row.orgId)?.review ?? null); onSaved(); })}
        />
      ) : (
        <div><Typography.Text type="secondary">保存后可添加述职报告（Word、PDF 或扫描件）。</Typography.Text></div>
      )}
    </Modal>
  );
}
