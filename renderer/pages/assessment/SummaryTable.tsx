// 考核汇总: each level's orgs of the year (党支部; 社区党委/党总支) ranked by total among their peers,
// with the grade, the five categories and what is still unscored; a row opens the scoring page.
import { Alert, Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RankedAssessment, YearSummary } from '../../../shared/api/assessment';
import { CONTRACT_LEVELS, CONTRACT_LEVEL_LABELS, CONTRACT_LEVEL_UNITS, type ContractLevel, describeBands } from '../../../shared/assessment';
import { ledger } from '../../api';
import { navigate } from '../../router';
import { useLoad } from '../../hooks';
import { fmt, gradeColor, scoreHref } from './format';

function LevelTable({ data, level, entries, titled }: { data: YearSummary; level: ContractLevel; entries: RankedAssessment[]; titled: boolean }) {
  const categories = entries[0]?.categories.map((c) => c.category) ?? [];
  // An org with unscored items has no rank yet: its total is not comparable. The complete ones
  // rank among themselves, equal totals sharing a place.
  const complete = entries.filter((b) => b.complete).sort((a, b) => b.total - a.total);
  const ranks = new Map<number, number>();
  complete.forEach((b, i) => ranks.set(b.contractId, i > 0 && complete[i - 1]!.total === b.total ? ranks.get(complete[i - 1]!.contractId)! : i + 1));

  const columns: ColumnsType<RankedAssessment> = [
    {
      title: '名次', key: 'rank', width: 72, align: 'center',
      render: (_, b) => {
        const r = ranks.get(b.contractId);
        return r === undefined ? <Tag color="default">未评完</Tag> : <span className={`sum-rank sum-rank-${Math.min(r, 4)}`}>{r}</span>;
      },
    },
    { title: level === 'branch' ? '支部' : '社区党委（党总支）', dataIndex: 'org', ellipsis: true },
    { title: '得分', dataIndex: 'total', width: 76, align: 'right', render: (t: number, b) => <b className={b.complete ? 'sum-total' : 'sum-total sum-partial'}>{t.toFixed(2)}</b> },
    { title: '等次', dataIndex: 'grade', width: 64, align: 'center', render: (g: string, b) => (b.complete ? <Tag color={gradeColor(g, data.bands)}>{g}</Tag> : <span className="sum-muted">—</span>) },
    ...categories.map((cat) => ({
      title: cat, key: cat, width: 96, align: 'right' as const,
      render: (_: unknown, b: RankedAssessment) => {
        const c = b.categories.find((x) => x.category === cat);
        return c ? <span>{fmt(c.score)}<span className="sum-of">/{fmt(c.points)}</span></span> : null;
      },
    })),
    {
      title: '状态', key: 'status', width: 110,
      render: (_, b) => b.status === 'confirmed'
        ? <Tag color="success">已确认</Tag>
        : b.unscored.length
          ? <Tooltip title={`未评分：${b.unscored.join('、')}`}><Tag color="processing">未评完（{b.unscored.length} 项）</Tag></Tooltip>
          : <Tag color="warning">待确认</Tag>,
    },
  ];
  return (
    <section aria-label={`${CONTRACT_LEVEL_LABELS[level]}考核汇总`}>
      {titled && <Typography.Title level={5} className="sum-level">{CONTRACT_LEVEL_LABELS[level]}（{entries.length} 个，在本层级内排名）</Typography.Title>}
      <Table<RankedAssessment>
        size="small" rowKey="contractId" columns={columns} dataSource={[...complete, ...entries.filter((b) => !b.complete)]} pagination={false}
        className="sum-table" onRow={(b) => ({ onClick: () => navigate(scoreHref(b.contractId)), className: 'sum-row' })}
      />
    </section>
  );
}

export function SummaryTable({ year }: { year: number }) {
  const { data, loading } = useLoad(() => ledger['assessment.summary']({ year }), [year]);
  if (data && data.branches.length === 0) return <Card><Empty description={`${year} 年度还没有下达责任书，也就没有考核`} /></Card>;
  const levels = CONTRACT_LEVELS.map((level) => ({ level, entries: (data?.branches ?? []).filter((b) => b.level === level) })).filter((l) => l.entries.length > 0);
  const confirmed = data?.branches.filter((b) => b.status === 'confirmed').length ?? 0;
  const unfinished = (data?.branches ?? []).filter((b) => !b.complete).length;
  const counts = levels.map((l) => `${l.entries.length} 个${CONTRACT_LEVEL_UNITS[l.level]}`).join('、');

  return (
    <>
      {data && (
        <Alert
          type="info" showIcon className="sum-alert"
          title={`${year} 年度共 ${counts}，已确认 ${confirmed} 个。各层级分别排名。等次：${describeBands(data.bands).join('；')}。得分相同的名次并列。${unfinished ? `${unfinished} 个党组织未评完，评完后才排名次。` : ''}${confirmed < data.branches.length ? `系统计算的指标按截至 ${data.asOf} 的台帐计算。` : ''}`}
        />
      )}
      {loading && !data && <Table size="small" loading columns={[]} dataSource={[]} />}
      {data && levels.map((l) => <LevelTable key={l.level} data={data} level={l.level} entries={l.entries} titled={levels.length > 1 || l.level !== 'branch'} />)}
    </>
  );
}
