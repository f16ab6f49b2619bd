// 民主评议党员 for one branch and year: each member's grade (优秀/合格/基本合格/不合格), probationary
// members taking part without a grade, the one-third check on 优秀, and a dated event per member.
import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AppraisalRow } from '../../../shared/api/assessment';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, type AppraisalGrade } from '../../../shared/domain/member';
import { isBranchType } from '../../../shared/domain/org';
import { ApiError, ledger } from '../../api';
import { confirmAction, showError, showSuccess } from '../../feedback';
import { useOrgs } from '../../org-context';
import { useLoad } from '../../hooks';
import { useUnsavedChanges } from '../../unsaved';

type Entry = { grade: AppraisalGrade | null; note: string | null; take: boolean };

export function AppraisalPanel({ year }: { year: number }) {
  const { orgs, orgId: chosenOrg } = useOrgs();
  const branches = useMemo(() => orgs.filter((o) => isBranchType(o.type)), [orgs]);
  const [orgId, setOrgId] = useState<number | null>(null);
  useEffect(() => {
    if (orgId === null && branches.length) setOrgId(branches.find((b) => b.id === chosenOrg)?.id ?? branches[0]!.id);
  }, [branches, chosenOrg, orgId]);
  const { data: sheet, loading, reload } = useLoad(() => (orgId ? ledger['assessment.appraisals']({ orgId, year }) : Promise.resolve(undefined)), [orgId, year]);
  const [edits, setEdits] = useState<Record<number, Entry>>({});
  const [date, setDate] = useState(() => dayjs().year() > year ? dayjs(`${year + 1}-01-15`) : dayjs());
  const [busy, setBusy] = useState(false);
  const guard = useUnsavedChanges(Object.keys(edits).length > 0, '民主评议中待保存的评定');
  useEffect(() => setEdits({}), [orgId, year]);
  // A branch already appraised this year keeps its date for late additions and corrections.
  useEffect(() => {
    const last = (sheet?.members ?? []).map((m) => m.appraisedOn).filter((d): d is string => d !== null).sort().at(-1);
    if (last) setDate(dayjs(last));
  }, [sheet]);

  const entryOf = (m: AppraisalRow): Entry => edits[m.memberId] ?? { grade: m.grade, note: m.note, take: m.recorded };
  const set = (m: AppraisalRow, patch: Partial<Entry>) => setEdits((e) => ({ ...e, [m.memberId]: { ...entryOf(m), take: true, ...patch } }));

  const members = sheet?.members ?? [];
  const counts = { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, notGraded: 0, notAppraised: 0 };
  for (const m of members) {
    const e = entryOf(m);
    if (!e.take) counts.notAppraised += 1;
    else if (e.grade === null) counts.notGraded += 1;
    else counts[e.grade] += 1;
  }
  const graded = APPRAISAL_GRADES.reduce((n, g) => n + counts[g], 0);
  const limit = Math.floor(graded / 3);

  const allQualified = () => {
    const next = { ...edits };
    for (const m of members) {
      const e = entryOf(m);
      if (e.take) continue;
      next[m.memberId] = { grade: m.kind === 'probationary' ? null : 'qualified', note: e.note, take: true };
    }
    setEdits(next);
  };

  const save = async (excellentOverReason?: string) => {
    if (!orgId) return;
    const entries = Object.entries(edits).filter(([, e]) => e.take).map(([id, e]) => ({ memberId: Number(id), grade: e.grade, note: e.note }));
    if (!entries.length) return;
    setBusy(true);
    try {
      await ledger['assessment.recordAppraisals']({ orgId, year, appraisedOn: date.format('YYYY-MM-DD'), entries, excellentOverReason: excellentOverReason ?? null });
      showSuccess(`已登记 ${entries.length} 名党员的评议结果`);
      setEdits({});
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOO_MANY_EXCELLENT') void askReason(e.message, save);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<AppraisalRow> = [
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '类别', dataIndex: 'kind', width: 96, render: (k: AppraisalRow['kind']) => (k === 'probationary' ? <Tag color="gold">预备党员</Tag> : <Tag>正式党员</Tag>) },
    {
      title: '评议等次', key: 'grade',
      render: (_, m) => {
        const e = entryOf(m);
        if (m.kind === 'probationary') {
          return (
            <Radio.Group size="small" buttonStyle="solid" value={e.take ? 'take' : null} onChange={() => set(m, { grade: null })} aria-label={`${m.name} 评议`}>
              <Radio.Button value="take">参加评议，不定等次</Radio.Button>
            </Radio.Group>
          );
        }
        return (
          <Radio.Group
            size="small" value={e.take ? e.grade : null} onChange={(ev) => set(m, { grade: ev.target.value as AppraisalGrade })}
            optionType="button" buttonStyle="solid" aria-label={`${m.name} 等次`}
            options={APPRAISAL_GRADES.map((g) => ({ value: g, label: APPRAISAL_GRADE_LABELS[g] }))}
          />
        );
      },
    },
    { title: '评议日期', dataIndex: 'appraisedOn', width: 108, render: (d: string | null, m) => (edits[m.memberId] ? <span className="ap-pending">待保存</span> : d ?? <span className="sc-muted">未评议</span>) },
    {
      title: '备注', key: 'note', width: 220,
      render: (_, m) => <Input size="small" value={entryOf(m).note ?? ''} placeholder="备注" onChange={(ev) => set(m, { note: ev.target.value || null })} aria-label={`${m.name} 备注`} />,
    },
  ];

  if (!branches.length) return <Card><Empty description="还没有党支部" /></Card>;
  return (
    <>
      <div className="ap-toolbar">
        <Select
          value={orgId ?? undefined} onChange={(v: number) => guard.close(() => setOrgId(v))} className="ap-org" showSearch={{ optionFilterProp: 'label' }} aria-label="支部"
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
        />
        <span>评议日期</span>
        <DatePicker value={date} onChange={(d) => d && setDate(d)} allowClear={false} />
        <Button icon={<CheckOutlined />} onClick={allQualified}>其余正式党员评为合格</Button>
        <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!Object.keys(edits).length} onClick={() => save()}>保存</Button>
      </div>
      <div className="ap-counts">
        {APPRAISAL_GRADES.map((g) => (
          <span key={g}>{APPRAISAL_GRADE_LABELS[g]} <b className={g === 'excellent' && counts.excellent > limit ? 'ind-bad' : ''}>{counts[g]}</b></span>
        ))}
        <span>不定等次 <b>{counts.notGraded}</b></span>
        <span>未评议 <b>{counts.notAppraised}</b></span>
        <Typography.Text type="secondary">优秀一般不超过评定等次人数的三分之一（现为 {graded} 人，最多 {limit} 人）</Typography.Text>
      </div>
      {sheet?.warnings.length ? <Alert type="warning" showIcon className="ap-alert" title={sheet.warnings.join('；')} /> : null}
      <Table<AppraisalRow> size="small" rowKey="memberId" columns={columns} dataSource={members} loading={loading} pagination={false} className="ap-table" />
    </>
  );
}

async function askReason(message: string, retry: (reason: string) => void): Promise<void> {
  let reason = '';
  const ok = await confirmAction({
    title: '优秀比例超过三分之一',
    content: (
      <div className="ap-reason">
        <p>{message}</p>
        <Input.TextArea placeholder="理由（将记入操作日志）" onChange={(e) => { reason = e.target.value; }} autoSize={{ minRows: 2 }} aria-label="理由" />
      </div>
    ),
    okText: '填写理由后保存',
  });
  if (!ok) return;
  if (!reason.trim()) showError(new Error('没有填写理由，未保存。'));
  else retry(reason.trim());
}
