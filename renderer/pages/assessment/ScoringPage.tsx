// 年终考核评分 for one branch: each indicator with the figures the ledger computed (and how they
// became points), the branch's self-score, the committee's score, notes, the reason for any
// departure from a computed score, and evidence; the total, grade and rank; confirm locks it.
import {
  ArrowLeftOutlined, CheckCircleOutlined, LeftOutlined, LockOutlined, PaperClipOutlined, RightOutlined, SaveOutlined, UnlockOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { EvidenceOption, RankedAssessment, ScoredIndicator } from '../../../shared/api/assessment';
import { type GradeBand, DEFAULT_GRADE_BANDS, formatMetricValue, gradeFor, metricDef, roundScore, sumScores } from '../../../shared/assessment';
import type { EvidenceLink } from '../../../shared/schemas/contract';
import { ledger } from '../../api';
import { confirmAction, showError, showSuccess } from '../../feedback';
import { navigate } from '../../router';
import { useLoad } from '../../hooks';
import { STATUS_TAGS, fmt, goAssessment, gradeColor, scoreHref } from './format';
import { useUnsavedChanges } from '../../unsaved';

type Edit = { selfScore?: number | null; committeeScore?: number | null; note?: string | null; overrideReason?: string | null; evidence?: EvidenceLink[] };
type Row = ScoredIndicator & { edit: Edit; self: number | null; committee: number | null; noteNow: string | null; reasonNow: string | null; evidenceNow: EvidenceLink[]; effective: number | null; departs: boolean; first: boolean };

const val = <T,>(edit: T | undefined, stored: T): T => (edit === undefined ? stored : edit);

function rowsOf(view: RankedAssessment, edits: Record<number, Edit>): Row[] {
  return view.indicators.map((i, n) => {
    const edit = edits[i.id] ?? {};
    const self = val(edit.selfScore, i.selfScore);
    const committee = val(edit.committeeScore, i.committeeScore);
    const effective = committee ?? (i.source === 'computed' ? i.computedScore : null);
    const departs = i.source === 'computed' && committee !== null && i.computedScore !== null && roundScore(committee) !== roundScore(i.computedScore);
    // The category is named on its first line only; an expanded row in between must not break a rowSpan.
    const first = n === 0 || view.indicators[n - 1]!.category !== i.category;
    return {
      ...i, edit, self, committee, effective, departs, first,
      noteNow: val(edit.note, i.note), reasonNow: val(edit.overrideReason, i.overrideReason), evidenceNow: val(edit.evidence, i.evidence.map(({ kind, id }) => ({ kind, id }))),
    };
  });
}

export function ScoringPage({ contractId }: { contractId: number }) {
  const [view, setView] = useState<RankedAssessment>();
  const [bands, setBands] = useState<GradeBand[]>([...DEFAULT_GRADE_BANDS]);
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [busy, setBusy] = useState(false);
  const [evidenceFor, setEvidenceFor] = useState<Row | null>(null);
  const [unlockOpen, setUnlockOpen] = useState(false);

  useEffect(() => {
    setView(undefined);
    setEdits({});
    ledger['assessment.get']({ contractId }).then(setView).catch(showError);
    ledger['assessment.bands']({}).then(setBands).catch(showError);
  }, [contractId]);

  const year = view?.year;
  const { data: siblings } = useLoad(() => (year ? ledger['assessment.contracts']({ year }) : Promise.resolve([])), [year]);

  // A score above the item's maximum is refused with a word, not cut down to it in silence: the
  // typed figure stays in the field, marked, until it is corrected (new rows: the table redraws).
  const [overMax, setOverMax] = useState<Record<string, number>>({});
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- overMax: fresh rows make the table redraw the refused figure
  const rows = useMemo(() => (view ? rowsOf(view, edits) : []), [view, edits, overMax]);
  const dirty = Object.keys(edits).length > 0;
  useUnsavedChanges(dirty, '考核评分的修改');
  const locked = view?.status === 'confirmed';
  const total = sumScores(rows.map((r) => r.effective));
  const unscored = rows.filter((r) => r.effective === null).length;
  const selfTotal = rows.every((r) => r.self === null) ? null : sumScores(rows.map((r) => r.self));

  const setEdit = (id: number, patch: Edit) => setEdits((e) => ({ ...e, [id]: { ...e[id], ...patch } }));
  const scoreInput = (r: Row, field: 'selfScore' | 'committeeScore', v: number | string | null) => {
    const key = `${r.id}:${field}`;
    const n = typeof v === 'number' ? v : null;
    if (n !== null && n > r.points) {
      setOverMax((o) => ({ ...o, [key]: n }));
      showError(new Error(`“${r.content}”满分 ${fmt(r.points)} 分，不能评 ${fmt(n)} 分。请改为 0 到 ${fmt(r.points)} 之间的分数。`));
      return;
    }
    setOverMax(({ [key]: _, ...rest }) => rest);
    setEdit(r.id, { [field]: n });
  };
  const tooHigh = (r: Row, field: 'selfScore' | 'committeeScore') => overMax[`${r.id}:${field}`];

  const save = async (): Promise<RankedAssessment | null> => {
    if (!dirty || !view) return view ?? null;
    setBusy(true);
    try {
      const next = await ledger['assessment.saveScores']({ contractId, scores: Object.entries(edits).map(([id, e]) => ({ indicatorId: Number(id), ...e })) });
      setView(next);
      setEdits({});
      showSuccess('评分已保存');
      return next;
    } catch (e) {
      showError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    const saved = await save();
    if (!saved) return;
    const ok = await confirmAction({
      title: `确认“${saved.org}” ${saved.year} 年度考核结果？`,
      content: `总分 ${fmt(saved.total)} 分，${saved.grade}。确认后系统计算的数据随之固定，评分不能再修改；如需修改须由管理员解锁，解锁会记入操作日志。`,
      okText: '确认并锁定',
    });
    if (!ok) return;
    setBusy(true);
    try {
      setView(await ledger['assessment.confirm']({ contractId }));
      showSuccess('考核结果已确认');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!view) return <Spin className="page-spin" />;
  const index = siblings?.findIndex((s) => s.id === contractId) ?? -1;
  const go = (d: -1 | 1) => {
    const s = siblings?.[index + d];
    if (s) navigate(scoreHref(s.id));
  };

  const columns: ColumnsType<Row> = [
    {
      title: '类别', dataIndex: 'category', width: 78, className: 'sc-cat',
      render: (c: string, r) => (r.first ? <span className="sc-cat-text">{c}</span> : null),
    },
    {
      title: '考核内容', key: 'content',
      render: (_, r) => (
        <div className="sc-ind">
          <div className="sc-ind-content">{r.content}</div>
          {r.ruleText && <div className="sc-ind-rule">{r.ruleText}</div>}
        </div>
      ),
    },
    { title: '分值', dataIndex: 'points', width: 48, align: 'right', render: (p: number) => fmt(p) },
    {
      title: '系统计算', key: 'computed', width: 112,
      render: (_, r) => {
        if (r.source !== 'computed') return <span className="sc-muted">人工评分</span>;
        if (!r.computed) return <span className="sc-muted">—</span>;
        return (
          <Tooltip title={<div className="sc-tip">{r.computed.explanation}<br />{r.computed.working}</div>}>
            <div className="sc-computed">
              <b>{r.computedScore === null ? '—' : fmt(r.computedScore)}</b>
              <span className="sc-computed-value">{r.computed.pending ? '未开始' : formatMetricValue(r.computed.unit, r.computed.value)}</span>
            </div>
          </Tooltip>
        );
      },
    },
    {
      title: '自评分', key: 'self', width: 82,
      render: (_, r) => locked ? <span className="sc-read">{fmt(r.self)}</span> : (
        <InputNumber
          size="small" value={tooHigh(r, 'selfScore') ?? r.self} min={0} aria-valuemax={r.points} step={0.5} disabled={locked} className="sc-num" aria-label={`${r.content} 自评分`}
          status={tooHigh(r, 'selfScore') !== undefined ? 'error' : undefined} onChange={(v) => scoreInput(r, 'selfScore', v)}
        />
      ),
    },
    {
      title: '考核组评分', key: 'committee', width: 92,
      render: (_, r) => locked ? (r.committee === null ? <span className="sc-muted">按计算</span> : <span className="sc-read">{fmt(r.committee)}</span>) : (
        <InputNumber
          size="small" value={tooHigh(r, 'committeeScore') ?? r.committee} min={0} aria-valuemax={r.points} step={0.5} disabled={locked} className="sc-num"
          placeholder={r.source === 'computed' && r.computedScore !== null ? fmt(r.computedScore) : '评分'}
          status={tooHigh(r, 'committeeScore') !== undefined ? 'error' : r.source === 'manual' && r.committee === null && !locked ? 'warning' : undefined}
          aria-label={`${r.content} 考核组评分`} onChange={(v) => scoreInput(r, 'committeeScore', v)}
        />
      ),
    },
    {
      title: '得分', key: 'score', width: 58, align: 'right',
      render: (_, r) => (
        <span className={r.effective === null ? 'sc-muted' : r.departs ? 'sc-score sc-departs' : 'sc-score'} data-testid={`score-${r.id}`}>
          {r.effective === null ? '未评' : fmt(r.effective)}
        </span>
      ),
    },
    {
      title: '备注 / 调整理由', key: 'note', width: 200,
      render: (_, r) => locked ? (
        <div className="sc-notes sc-read-notes">
          {r.departs && <span className="sc-departs">调整理由：{r.reasonNow}</span>}
          {r.noteNow && <span>{r.noteNow}</span>}
        </div>
      ) : (
        <div className="sc-notes">
          {r.departs && (
            <Input
              size="small" value={r.reasonNow ?? ''} disabled={locked} placeholder="与系统计算不同的理由（必填）" status={r.reasonNow ? undefined : 'error'}
              aria-label={`${r.content} 调整理由`} onChange={(e) => setEdit(r.id, { overrideReason: e.target.value || null })}
            />
          )}
          <Input
            size="small" value={r.noteNow ?? ''} disabled={locked} placeholder="备注" aria-label={`${r.content} 备注`}
            onChange={(e) => setEdit(r.id, { note: e.target.value || null })}
          />
        </div>
      ),
    },
    {
      title: '佐证', key: 'evidence', width: 58, align: 'center',
      render: (_, r) => (locked && r.evidenceNow.length === 0 ? null :
        <Button size="small" type={r.evidenceNow.length ? 'link' : 'text'} icon={<PaperClipOutlined />} onClick={() => setEvidenceFor(r)} aria-label={`${r.content} 佐证`}>
          {r.evidenceNow.length || ''}
        </Button>),
    },
  ];

  return (
    <div className="sc-page">
      <div className="page-header">
        <Space align="center" size={10}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => goAssessment({ year: view.year, tab: 'summary' })} aria-label="返回考核汇总" />
          <Typography.Title level={4}>{view.org}</Typography.Title>
          <span className="page-subtitle">{view.year} 年度党建工作考核</span>
          <Tag color={STATUS_TAGS[view.status].color} icon={locked ? <LockOutlined /> : undefined}>{locked ? '已确认' : '评分中'}</Tag>
        </Space>
        <Space>
          <Button icon={<LeftOutlined />} disabled={index <= 0} onClick={() => go(-1)} aria-label="上一个支部" />
          <Select
            value={contractId} className="sc-switch" showSearch={{ optionFilterProp: 'label' }} aria-label="切换支部" popupMatchSelectWidth={300}
            options={(siblings ?? []).map((s) => ({ value: s.id, label: s.org }))} onChange={(id: number) => navigate(scoreHref(id))}
          />
          <Button icon={<RightOutlined />} disabled={!siblings || index < 0 || index >= siblings.length - 1} onClick={() => go(1)} aria-label="下一个支部" />
        </Space>
      </div>

      <Card size="small" className="sc-summary">
        <div className="sc-figures">
          <div className="sc-figure">
            <span className="sc-figure-label">总分{dirty && '（未保存）'}</span>
            <span className="sc-figure-value" data-testid="total">{fmt(total)}<small> / {fmt(view.points)}</small></span>
          </div>
          <div className="sc-figure">
            <span className="sc-figure-label">等次</span>
            <span className="sc-figure-value" data-testid="grade">
              {unscored === 0
                ? <Tag color={gradeColor(gradeFor(total, bands), bands)} className="sc-grade">{gradeFor(total, bands)}</Tag>
                : <Tooltip title={`按已评分的项目计为“${gradeFor(total, bands)}”；全部评完后才定等次`}><span className="sc-figure-pending">未评完</span></Tooltip>}
            </span>
          </div>
          <div className="sc-figure">
            <span className="sc-figure-label">名次</span>
            <span className="sc-figure-value" data-testid="rank">{view.rank ? <>第 {view.rank}<small> / {view.of}</small></> : '—'}</span>
          </div>
          <div className="sc-figure">
            <span className="sc-figure-label">支部自评</span>
            <span className="sc-figure-value sc-figure-small">{fmt(selfTotal)}</span>
          </div>
          <div className="sc-actions">
            {locked ? (
              <Button icon={<UnlockOutlined />} onClick={() => setUnlockOpen(true)}>解锁</Button>
            ) : (
              <>
                <Button icon={<SaveOutlined />} type={dirty ? 'primary' : 'default'} disabled={!dirty || Object.keys(overMax).length > 0} loading={busy} onClick={save}>保存</Button>
                <Button icon={<CheckCircleOutlined />} type={dirty ? 'default' : 'primary'} disabled={unscored > 0} loading={busy} onClick={confirm}>确认结果</Button>
              </>
            )}
          </div>
        </div>
        <div className="sc-cats">
          {view.categories.map((c) => {
            const score = sumScores(rows.filter((r) => r.category === c.category).map((r) => r.effective));
            return (
              <div key={c.category} className="sc-cat-bar" title={`${c.category}：${fmt(score)} / ${fmt(c.points)}`}>
                <span className="sc-cat-name">{c.category}</span>
                <span className="sc-cat-track"><span className="sc-cat-fill" style={{ width: `${c.points ? Math.min(100, (score / c.points) * 100) : 0}%` }} /></span>
                <span className="sc-cat-num">{fmt(score)}</span>
              </div>
            );
          })}
        </div>
        {locked && (
          <Alert
            type="success" showIcon icon={<LockOutlined />} className="sc-alert"
            title={`考核结果已于 ${view.confirmedAt ? dayjs(view.confirmedAt).format('YYYY-MM-DD HH:mm') : ''} 由 ${view.confirmedBy ?? '—'} 确认锁定，系统计算的数据为确认时的数据。`}
          />
        )}
        {!locked && unscored > 0 && <div className="sc-hint">还有 {unscored} 项未评分：人工评分的指标需由考核组评分；系统计算的指标可直接采用计算结果，也可填写考核组评分并说明理由。</div>}
      </Card>

      <Table<Row>
        size="small" rowKey="id" columns={columns} dataSource={rows} pagination={false} className="sc-table"
        rowClassName={(r) => (r.first ? 'sc-row sc-row-first' : 'sc-row')}
        expandable={{
          expandedRowRender: (r) => <Details row={r} />,
          rowExpandable: (r) => r.source === 'computed' || r.evidenceNow.length > 0,
          columnWidth: 28,
        }}
      />

      {evidenceFor && (
        <EvidencePicker
          contractId={contractId} row={evidenceFor} disabled={locked} onClose={() => setEvidenceFor(null)}
          onPick={(links) => { setEdit(evidenceFor.id, { evidence: links }); setEvidenceFor(null); }}
        />
      )}
      {unlockOpen && <UnlockDialog contractId={contractId} org={view.org} year={view.year} onClose={() => setUnlockOpen(false)} onDone={(v) => { setView(v); setUnlockOpen(false); }} />}
    </div>
  );
}

function Details({ row }: { row: Row }) {
  const c = row.computed;
  const def = row.metric ? metricDef(row.metric) : undefined;
  return (
    <div className="sc-details">
      {c && (
        <div className="sc-details-main">
          <div><Tag>{def?.label ?? c.label}</Tag>{c.explanation}</div>
          <div className="sc-working">计分：{c.working}{row.departs && row.reasonNow ? `；考核组调整为 ${fmt(row.committee)} 分（${row.reasonNow}）` : ''}</div>
          {c.figures.length > 0 && (
            <dl className="sc-fig-list">
              {c.figures.map((f) => (
                <div key={f.label} className="sc-fig"><dt>{f.label}</dt><dd>{f.value}</dd></div>
              ))}
            </dl>
          )}
          {def && <div className="sc-how">计算方法：{def.how}</div>}
        </div>
      )}
      {row.evidence.length > 0 && (
        <div className="sc-evidence">
          佐证材料：
          {row.evidence.map((e) => (
            <Tag key={`${e.kind}${e.id}`} icon={<PaperClipOutlined />} className="sc-ev-tag">{e.date ? `${e.date} ` : ''}{e.label}</Tag>
          ))}
        </div>
      )}
    </div>
  );
}

function EvidencePicker({ contractId, row, disabled, onClose, onPick }: { contractId: number; row: Row; disabled: boolean; onClose: () => void; onPick: (links: EvidenceLink[]) => void }) {
  const { data } = useLoad(() => ledger['assessment.evidenceOptions']({ contractId }), [contractId]);
  const [chosen, setChosen] = useState<string[]>(() => row.evidenceNow.map((e) => `${e.kind}:${e.id}`));
  const [filter, setFilter] = useState('');
  const shown = (data ?? []).filter((a: EvidenceOption) => !filter || a.topic.includes(filter) || a.type.includes(filter) || a.date.includes(filter));
  return (
    <Modal
      open title={`佐证材料：${row.content}`} onCancel={onClose} width={640} okText="确定" cancelText="取消" destroyOnHidden
      okButtonProps={{ disabled }} onOk={() => onPick(chosen.map((k) => { const [kind, id] = k.split(':'); return { kind: kind as EvidenceLink['kind'], id: Number(id) }; }))}
    >
      <Input.Search placeholder="按主题、类型或日期筛选本支部本年度的活动记录" allowClear onChange={(e) => setFilter(e.target.value)} className="ev-search" />
      {!data ? <Spin /> : (
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} disabled={disabled} className="ev-list">
          {shown.length === 0 && <div className="sc-muted">没有符合条件的活动记录</div>}
          {shown.map((a) => (
            <div key={a.id} className="ev-item">
              <Checkbox value={`activity:${a.id}`}><span className="ev-date">{a.date}</span><Tag>{a.type}</Tag>{a.topic}</Checkbox>
              {a.attachments.map((f) => (
                <Checkbox key={f.id} value={`attachment:${f.id}`} className="ev-file"><PaperClipOutlined /> {f.fileName}</Checkbox>
              ))}
            </div>
          ))}
        </Checkbox.Group>
      )}
    </Modal>
  );
}

function UnlockDialog({ contractId, org, year, onClose, onDone }: { contractId: number; org: string; year: number; onClose: () => void; onDone: (v: RankedAssessment) => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      onDone(await ledger['assessment.unlock']({ contractId, reason }));
      showSuccess('已解锁，解锁记录已写入操作日志');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`解锁“${org}” ${year} 年度考核结果`} onCancel={onClose} onOk={submit} okText="解锁" cancelText="取消" confirmLoading={busy} okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }} destroyOnHidden>
      <p>解锁后可以修改评分，系统计算的数据将按当前台帐重新计算。解锁原因和原考核结果会记入操作日志。</p>
      <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="解锁原因（必填）" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} aria-label="解锁原因" />
    </Modal>
  );
}
